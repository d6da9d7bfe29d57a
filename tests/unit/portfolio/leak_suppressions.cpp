// CBC 2.10.8 (Debian) leaks a few cut objects per solve inside its own cut
// management (OsiRowCut::clone from CbcModel); a sanitizer build of these
// tests would report them as ours. LeakSanitizer reads this hook in
// sanitizer builds; in other builds it is an unused function.

extern "C" const char* __lsan_default_suppressions();

extern "C" const char* __lsan_default_suppressions() {
  return "leak:OsiRowCut::clone\n"
         "leak:libOsi.so\n"
         "leak:libCbc.so\n"
         "leak:libCoinUtils.so\n"
         "leak:libCgl.so\n";
}
