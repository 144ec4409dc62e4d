"""The merged report of `./gilfree --runtime all -m pytest`: reads one JUnit XML file per runtime and prints
the tests whose outcome differs, the tests whose values differ from the recording, and totals per runtime.
Exit status 0 when nothing differs, 1 when something does, 2 when a runtime left no report.

    python tools/conformance_report.py cpython=A.xml graalpy=B.xml
"""
import sys
import xml.etree.ElementTree as ET

MISMATCH = "ConformanceMismatch"  # the exception the plugin raises for a value that differs from the recording


def outcomes(path):
    """{test id: (outcome, message)} of one JUnit XML file; outcome is passed, failed, error or skipped."""
    found = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        test = f"{case.get('classname', '')}::{case.get('name', '')}"
        outcome, message = "passed", ""
        for tag in ("failure", "error", "skipped"):
            child = case.find(tag)
            if child is not None:
                outcome = {"failure": "failed"}.get(tag, tag)
                message = (child.get("message") or "").strip()
                break
        # A teardown error comes as a second entry of the same test; the worse outcome wins.
        if test not in found or found[test][0] in ("passed", "skipped"):
            found[test] = (outcome, message)
    return found


def _one_line(message, width=160):
    line = " ".join(message.split())
    return line if len(line) <= width else line[:width - 3] + "..."


def report(runs, out=sys.stdout):
    """Prints the merged report of {runtime: {test: (outcome, message)}}; returns the number of differences."""
    names = list(runs)
    common = sorted(set.intersection(*(set(r) for r in runs.values())))
    values, differ = [], []
    for test in common:
        got = [runs[n][test] for n in names]
        mismatch = [(n, m) for n, (o, m) in zip(names, got) if o == "failed" and MISMATCH in m]
        if mismatch:
            values.append((test, mismatch))
        elif len({o for o, _ in got}) > 1:
            differ.append((test, got))
    print("\n=== gilfree conformance report: " + " vs ".join(names) + " ===", file=out)
    print(f"Outcomes that differ between runtimes: {len(differ)}", file=out)
    for test, got in differ:
        print(f"  {test}", file=out)
        for n, (o, m) in zip(names, got):
            print(f"    {n}: {o}" + (f": {_one_line(m)}" if m and o != "passed" else ""), file=out)
    print(f"Values that differ from the recording: {len(values)}", file=out)
    for test, mismatch in values:
        print(f"  {test}", file=out)
        for n, m in mismatch:
            print(f"    {n}: {_one_line(m.split(MISMATCH + ':', 1)[-1].strip())}", file=out)
    print("Totals:", file=out)
    for n in names:
        counts = {}
        for o, _ in runs[n].values():
            counts[o] = counts.get(o, 0) + 1
        only = len(set(runs[n]) - set(common))
        text = ", ".join(f"{counts.get(o, 0)} {o}" for o in ("passed", "failed", "error", "skipped"))
        print(f"  {n}: {text}" + (f" ({only} ran on this runtime only)" if only else ""), file=out)
    total = len(differ) + len(values)
    print("Result: " + ("no differences" if total == 0 else f"{total} test(s) differ"), file=out)
    return total


def main(argv):
    runs = {}
    for arg in argv:
        name, _, path = arg.partition("=")
        try:
            runs[name] = outcomes(path)
        except (OSError, ET.ParseError) as e:
            print(f"gilfree conformance: no test report from {name} ({e}); see its output above", file=sys.stderr)
            return 2
    return 1 if report(runs) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
