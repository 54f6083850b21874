#pragma once
// Every area's strings (one catalog per area, src/text/<area>_text.cpp).
#include "text/i18n.hpp"
#include "text/leader_text.hpp"
#include "text/medicine_text.hpp"
#include "text/sampling_text.hpp"
#include "text/settings_text.hpp"
#include "text/shell_text.hpp"
#include "text/supplies_text.hpp"
#include "text/sync_text.hpp"
#include "text/volunteers_text.hpp"
