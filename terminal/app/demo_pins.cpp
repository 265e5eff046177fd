// DEMO ONLY: the sign-in PINs of the demo team. Every demo PIN is the staff number's digits padded
// to four (S07 -> 0007), documented in the README so anyone can try the lock screen. They are
// stored here already hashed (Argon2id, INTERACTIVE limits, made once with crypto_pwhash_str) so
// that `demo` stays fast and the same seed gives the same file. Never use them for real staff.
#include "app/demo_pins.hpp"

namespace vb::app {

const std::vector<std::pair<StaffId, std::string>>& demo_pin_hashes() {
  static const std::vector<std::pair<StaffId, std::string>> all{
    {"S01", "$argon2id$v=19$m=65536,t=2,p=1$juaGIc2Qd1uSKkPhFKwgoA$j6CMUT1f+P1UX6dbL+kdVDyVfv8KUgDln2rdVwDpjp8"},
    {"S02", "$argon2id$v=19$m=65536,t=2,p=1$YTjMvjb4QMEvSAlVWtXj3g$05EFUjbqhVQE9+vsuFU1kIxa3058A2UnvmVBowAaMzA"},
    {"S03", "$argon2id$v=19$m=65536,t=2,p=1$ovnpkJzFot88c+jRuiOJUw$dyM8vTCahD9wG4GJQJrOLQDmLNMrio3c7orjsQcko2g"},
    {"S04", "$argon2id$v=19$m=65536,t=2,p=1$yaeOgO5WF651H8mjXy2PIQ$ie7YBogTnoh79xTKFuUKyM/uMEzOCvt3fLilxzGEEPg"},
    {"S05", "$argon2id$v=19$m=65536,t=2,p=1$foGZRj0/8r54je2e3WKSMw$psJrTppSo3Y2V/oTc9HqpDYc+c+L9n0hUA6P7cO1ez4"},
    {"S06", "$argon2id$v=19$m=65536,t=2,p=1$yclMS3oFlktA+HcUjYDTNg$Su0bQ57ub7ho0XB+rb6gvdpGXRuQJBgmD6zh7CdZq+Y"},
    {"S07", "$argon2id$v=19$m=65536,t=2,p=1$B9sLr+kcnOMPBxqByZlCJg$i+DvdCx11gcaZZfpuwgZhGpTC0PN+A/K+vz1fzyR2xA"},
    {"S08", "$argon2id$v=19$m=65536,t=2,p=1$1fDgVXiBGlPXhcS2SASuaw$EYlmcMuk7qrPfXsEwfMjfXc0gqK1bLHTuGLt0tE2J7E"},
    {"S09", "$argon2id$v=19$m=65536,t=2,p=1$CckU1ao0VrkHiejuB5im6w$rFdJq6IvLRiBwNozmIugKKTBbusACZALJ/qbxMXTnHY"},
    {"S10", "$argon2id$v=19$m=65536,t=2,p=1$jQiBAC/oqkFPRU+qWSSwvA$9MqOB2oHCT3S89c/jpBMLIMGvx4ypPee2sYdCmIDDGU"},
    {"S11", "$argon2id$v=19$m=65536,t=2,p=1$u6ejhpp9J5uGzAi+AkwxBw$Cl1cOew0lGdzk9crAiHJWam3Jn93x2+S2pCUGhMeTkE"},
    {"S12", "$argon2id$v=19$m=65536,t=2,p=1$khrWDsN/sIXN1m1DvHtYxg$5X88JzxQdptCTs3V2VZl128ZGxWWHewNkmB+6uckNHo"},
    {"S13", "$argon2id$v=19$m=65536,t=2,p=1$Q+S/Of74vgr5+3CTggz7mw$awKnHtT+vBjNlKMP2gP9hjCkTW3YxYpGMSCibPhUSs4"},
    {"S14", "$argon2id$v=19$m=65536,t=2,p=1$XH4DlToWT3NH/f1k3vZWlw$TlYP62I0s+cw5ZwRx2Y5pFoiuZ27ZLQpYWRkXz7J0tA"},
    {"S15", "$argon2id$v=19$m=65536,t=2,p=1$ljhfEqhbMLXQ7Kpw8/a+FQ$IJnBMx+RdBjWIRiwsOnjLN90mY91OJggegix2FwLM/Q"},
    {"S16", "$argon2id$v=19$m=65536,t=2,p=1$6ADlWqqcSZujzR4mONBzeQ$wnZ47PNLdKC9qbyXCfN704wrcWgXlCzbjjHrdJ0vRPc"},
    {"S17", "$argon2id$v=19$m=65536,t=2,p=1$LyQtrAmPpqTqOD/Yqkp0oA$Zzcs6RQM0Ok+J5xZsh7W1gsXa13udpqCJm5sH1n8Yk0"},
    {"S18", "$argon2id$v=19$m=65536,t=2,p=1$Zx7cQ+gfpcMdfPnheTw/SA$pq8GFFFwFEpxDFzBP7RROV4lfctS4VxGtbjh0+1mccU"},
    {"S19", "$argon2id$v=19$m=65536,t=2,p=1$c+NuA9RBz0bW+RxUD+M1Rw$NhP/FMQNSpdRC8MzlH7sGrFz2XNzjk3gFl4AgxvXZkg"},
    {"S20", "$argon2id$v=19$m=65536,t=2,p=1$C9IJv0bRrvj4eSMxb30CXg$Ig5jWvF8bwXOV7VQfKZcO+S1KQCTQy9WJ1Z4SbV9BAc"},
    {"S21", "$argon2id$v=19$m=65536,t=2,p=1$YoFs9qe9QIRpZg+KbrrUXA$ULposYZSOkNIjNoRAHWINKC10hkbJZRbsA25l1IGygc"},
    {"S22", "$argon2id$v=19$m=65536,t=2,p=1$Ik4T+E2ltP/hxZNjAibRQA$zbrjzZGsziq7cYZf3dvLjA9utuJv6N1th1j5/l+Iqpo"},
  };
  return all;
}

std::string demo_pin(const StaffId& id) {
  std::string digits;
  for (char ch : id.view())
    if (ch >= '0' && ch <= '9') digits += ch;
  while (digits.size() < 4) digits.insert(digits.begin(), '0');
  return digits;
}

}  // namespace vb::app
