"""Reads a JUnit XML report with junitparser (what many CI tools use) and
prints what it sees:

    SUITES <count>
    DECLARED <tests> <failures> <errors> <skipped>    the <testsuites> attributes
    COUNTED <tests> <failures> <errors> <skipped>     recounted from the test cases
    SUITE <name> <tests> <failures> <errors> <skipped> per suite, as declared
    CASE <classname> <name> <result>                  per test case: passed or failure

Usage: python3 junit_read.py FILE
"""

import sys

from junitparser import Failure, JUnitXml


def main():
    xml = JUnitXml.fromfile(sys.argv[1])
    suites = list(xml)
    print("SUITES", len(suites), sep="\t")
    print("DECLARED", xml.tests, xml.failures, xml.errors, xml.skipped, sep="\t")
    declared = [(s.name, s.tests, s.failures, s.errors, s.skipped) for s in suites]
    cases = []
    for suite in suites:
        for case in suite:
            failed = any(isinstance(r, Failure) for r in case.result)
            cases.append((case.classname, case.name, "failure" if failed else "passed"))
    xml.update_statistics()
    print("COUNTED", xml.tests, xml.failures, xml.errors, xml.skipped, sep="\t")
    for row in declared:
        print("SUITE", *row, sep="\t")
    for row in cases:
        print("CASE", *row, sep="\t")


if __name__ == "__main__":
    main()
