// Line endings, byte-order marks and tabs in the input.
#include <doctest/doctest.h>

#include "format_helpers.hpp"

using cxv::format::test::fmt_checked;

TEST_CASE("CRLF and lone CR line endings become LF") {
  CHECK(fmt_checked("kpi k {\r\n  target 1 # c\r\n\r\n\r\n  better lower\r\n}\r\n") ==
        "kpi k {\n  target 1  # c\n\n  better lower\n}\n");
  CHECK(fmt_checked("kpi k {\r  target 1\r}\r") == "kpi k {\n  target 1\n}\n");
}

TEST_CASE("a UTF-8 byte-order mark is dropped") {
  CHECK(fmt_checked("\xEF\xBB\xBFkpi k { target 1 }") == "kpi k { target 1 }\n");
  CHECK(fmt_checked("\xEF\xBB\xBF# first\nkpi k { target 1 }") == "# first\nkpi k { target 1 }\n");
}

TEST_CASE("tabs in the layout become spaces; tabs in strings and comments stay") {
  CHECK(fmt_checked("kpi\tk\t{\n\ttarget\t1\t#\ta\ttab\n\tbetter lower\n}") ==
        "kpi k {\n  target 1  #\ta\ttab\n  better lower\n}\n");
  CHECK(fmt_checked("initiative i { owner \"a\tb\" }") == "initiative i { owner \"a\tb\" }\n");
}

TEST_CASE("a missing final newline is added, trailing whitespace removed") {
  CHECK(fmt_checked("kpi k { target 1 }   \t") == "kpi k { target 1 }\n");
}

TEST_CASE("UTF-8 in strings and comments is kept byte for byte") {
  CHECK(fmt_checked("framework \"Acme — CX\" { currency EUR } # café ✓") ==
        "framework \"Acme — CX\" { currency EUR }  # café ✓\n");
}
