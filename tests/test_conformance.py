"""The official Jupyter kernel conformance suite (jupyter_kernel_test), every feature filled in."""

import unittest

import jupyter_kernel_test


class ConcurrencyLabConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "concurrency-lab"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world")'
    code_stderr = 'System.err.println("to stderr")'

    # matches replace code[cursor_start:cursor_end]; JShell anchors after the last '.'.
    completion_samples = [
        {"text": "Math.sq", "matches": {"sqrt("}},
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "Syst", "matches": {"System"}},
    ]

    complete_code_samples = [
        "1 + 1",
        'System.out.println("done");',
        "int x = 3;",
        "void hello() { System.out.println(1); }",
        "class Pair { int a; int b; }",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 10; i++) {",
        "class Unfinished {",
        "int y = 1 +",
        "String s = Math.",
    ]
    invalid_code_samples = [
        "int x = ;",
        ")",
        '"an unterminated string',
    ]

    code_page_something = "Math.abs?"

    code_generate_error = 'throw new IllegalStateException("expected in the conformance test");'

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"con" + "currency"', "result": '"concurrency"'},
        {"code": "java.util.List.of(1, 2, 3)", "result": "[1, 2, 3]"},
    ]

    code_display_data = [
        {"code": 'display("a plain string")', "mime": "text/plain"},
        {"code": 'display(html("<b>bold</b>"))', "mime": "text/html"},
        {"code": 'display(markdown("*emphasis*"))', "mime": "text/markdown"},
        {"code": 'display("<i>raw</i>", "text/html")', "mime": "text/html"},
        {
            "code": "display(new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB))",
            "mime": "image/png",
        },
    ]

    # Matches exactly one distinct cell of code_execute_result (glob or substring alike).
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.abs"

    code_clear_output = "clearOutput()"


if __name__ == "__main__":
    unittest.main()
