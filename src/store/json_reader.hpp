#pragma once
// Reading JSON text into Json for the paths that read a lot of it (the start's records).
// Same result as Json::parse, built differently: each object's members are gathered in a
// scratch list, sorted once, and moved into an object of exactly their number (FlatMap),
// instead of being inserted one by one; an array's elements can be visited one at a time
// as each is complete, so the whole array is never held.
#include <functional>
#include <string_view>

#include "store/document.hpp"

namespace linli::store {

// The value of text; a discarded value (is_discarded()) when text is not valid JSON.
Json ParseJson(std::string_view text);

// Calls visit with each element of the JSON array in text, in order, as soon as it is
// complete (visit may move it out). False when text is not a valid JSON array; elements
// before the fault have been visited.
bool ForEachElement(std::string_view text, const std::function<void(Json&)>& visit);

} // namespace linli::store
