#pragma once
// Document ids made on the device, unique across devices without asking a server:
// "<type>:<time base36>-<device tag>-<counter base36>". They sort by creation time.
#include <cstdint>
#include <string>
#include <string_view>

namespace linli::store {

class IdGenerator {
  public:
    explicit IdGenerator(std::string device_tag) : device_tag_(std::move(device_tag)) {}
    std::string Make(std::string_view type, int64_t now_ms);
    const std::string& DeviceTag() const { return device_tag_; }

  private:
    std::string device_tag_;
    int64_t last_ms_ = 0;
    uint32_t counter_ = 0;
};

std::string Base36(uint64_t value, size_t min_width = 0);

} // namespace linli::store
