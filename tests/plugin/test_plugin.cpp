// A stand-in plugin for the loader's tests: one entry point.
extern "C" __attribute__((visibility("default"))) int vb_test_plugin_v1() { return 42; }
