#pragma once
// Sampling documents: ids and bodies. Types: resident, building, round, mark, tube.
#include <string>
#include <string_view>

#include "core/roster/roster.hpp"
#include "core/sampling/sampling.hpp"
#include "store/document.hpp"
#include "store/schema.hpp"

namespace linli {

// Ids, one rule per type.
// An imported resident: the same person in the same household gets the same id on every
// device, so two phones importing one spreadsheet offline converge when they sync.
std::string ImportedResidentId(const Resident& r);
std::string BuildingId(std::string_view name);
// One mark per resident and round, on every device.
std::string MarkId(std::string_view round_id, std::string_view resident_id);
std::string TubeId(std::string_view round_id, std::string_view number);
// Rounds get a made id: store::IdGenerator::Make("round", now).

void RegisterSamplingTypes(store::SchemaRegistry& schemas);

// Documents <-> structs (also used by the actions that write them).
Resident ResidentFromDoc(const store::Document& doc);
store::Json ResidentBody(const Resident& r);
Building BuildingFromDoc(const store::Document& doc);
Round RoundFromDoc(const store::Document& doc);
store::Json RoundBody(const Round& r);
Mark MarkFromDoc(const store::Document& doc);
store::Json MarkBody(const Mark& m);
Tube TubeFromDoc(const store::Document& doc);
store::Json TubeBody(const Tube& t);

const char* ControlLevelKey(ControlLevel level);
const char* MarkStatusKey(MarkStatus s);
const char* RoundKindKey(RoundKind k);
const char* TubeResultKey(TubeResult r);
const char* ResidentFlagKey(uint32_t flag);

} // namespace linli
