// Generated sample data: a roster of the community fixture's shape (22 buildings, 3 units,
// 15 floors, 2 rooms a floor, 3 people a room = 5,940 residents; rare names such as 喆 堃 犇;
// every 37th bedridden), saved as a Chinese Windows Excel does (GBK, CRLF) with glibc's
// iconv. Tests and benchmarks use it when ../shared/fixtures is not there.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export const SAMPLE_HEADER = '楼号,单元号,门牌号,姓名,与户主关系,身份证号,手机号,年龄,特殊情况';

// Writes the sample into dir and returns the GBK file's path.
export function writeSampleGbkRoster(dir) {
  const lines = [SAMPLE_HEADER];
  const names = ['邹军花', '袁志春', '戴梅昇', '邵涵', '王淼', '李喆', '张堃', '赵犇'];
  let n = 0;
  for (let b = 1; b <= 22; b++) for (let u = 1; u <= 3; u++) for (let f = 1; f <= 15; f++) for (let r = 1; r <= 2; r++) {
    for (let p = 0; p < 3; p++) {
      lines.push(`${b},${u},${f}0${r},${names[n % names.length]}${n},,,1${String(3800000000 + n).padStart(10, '0')},${20 + (n % 70)},${n % 37 === 0 ? '卧床' : ''}`);
      n++;
    }
  }
  const utf8 = path.join(dir, 'roster-utf8.csv');
  fs.writeFileSync(utf8, lines.join('\r\n') + '\r\n');
  const gbk = path.join(dir, 'roster-gbk.csv');
  fs.writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK', utf8]));
  return gbk;
}

// The shared fixture when it is there, else the sample.
export function rosterFile(fixture, dir) {
  return fs.existsSync(fixture) ? fixture : writeSampleGbkRoster(dir);
}
