#!/usr/bin/python3
"""Run the W3C Feed Validation Service on many files in one process, for scripts/conformance.ts.

    /usr/bin/python3 scripts/w3c-validate.py SRC < paths

SRC is the validator's source folder (the one holding feedvalidator/ and validtest.py). Reads one file path a line
on stdin and writes one JSON line per file on stdout, in the same order:
    {"file": path, "events": [{"class": "MissingSelf", "line": 3, "element": "channel"}, ...]}
or {"file": path, "failure": "..."} when the validator itself raised. Each file is validated exactly as the
validator's own test runner does (src/validtest.py: validateString on the raw bytes, fallback US-ASCII, base
the file's path under http://www.feedvalidator.org), so the events are the ones its test suite sees. One process
for every file: importing the validator (rdflib, html5lib, libxml2) costs more than validating a test file.
Needs Debian's python3-html5lib python3-rdflib python3-libxml2 python3-lxml.
"""
import json
import os
import sys


def main():
    source = os.path.abspath(sys.argv[1])
    sys.path.insert(0, source)
    import feedvalidator  # noqa: E402 (the path is known only at run time)

    basedir = os.path.dirname(source)
    out = sys.stdout
    for raw in sys.stdin:
        name = raw.rstrip('\n')
        if not name:
            continue
        base = os.path.abspath(name).replace(basedir, 'http://www.feedvalidator.org')
        try:
            with open(name, 'rb') as stream:
                data = stream.read()
            events = feedvalidator.validateString(data, fallback='US-ASCII', base=base)['loggedEvents']
            record = {'file': name, 'events': [describe(e) for e in events]}
        except Exception as failure:  # one broken file must not stop the batch
            record = {'file': name, 'failure': '%s: %s' % (type(failure).__name__, failure)}
        out.write(json.dumps(record) + '\n')
        out.flush()


def describe(event):
    params = getattr(event, 'params', {}) or {}
    found = {'class': type(event).__name__}
    if 'line' in params:
        found['line'] = params['line']
    if 'element' in params:
        found['element'] = str(params['element'])
    return found


if __name__ == '__main__':
    main()
