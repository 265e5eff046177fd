#pragma once
// A contact phase from its first fields in their old declaration order (ContactPhase's fields are
// ordered widest first for memory since session 8, so a positional initializer no longer reads).
#include "core/model.hpp"

inline vb::ContactPhase phase_of(vb::Id id, vb::Id plan_id, int sequence, const char* label, int visits_per_day,
                                 int every_n_days, int length_days, const char* focus) {
  vb::ContactPhase p;
  p.id = id;
  p.plan_id = plan_id;
  p.sequence = sequence;
  p.label = label;
  p.visits_per_day = visits_per_day;
  p.every_n_days = every_n_days;
  p.length_days = length_days;
  p.focus = focus;
  return p;
}

// A phase as a plan's position needs it: its label and cadence, nothing else.
inline vb::ContactPhase phase_of(const char* label, int visits_per_day, int every_n_days, int length_days) {
  vb::ContactPhase p;
  p.label = label;
  p.visits_per_day = visits_per_day;
  p.every_n_days = every_n_days;
  p.length_days = length_days;
  return p;
}
