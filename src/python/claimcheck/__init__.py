"""claimcheck for Python: ctypes over libclaimcheck.so, standard library only.

    import claimcheck
    doc = claimcheck.check(text, date="2025-03-19")   # the document object of --format json
    for line in claimcheck.check_jsonl(open("docs.jsonl")):   # --input jsonl --format jsonl
        ...

`check()` returns the same dict as one element of `documents` in
`claimcheck check --format json`; `check_jsonl()` yields, per JSON Lines
record, the same object as `claimcheck check --input jsonl --format jsonl`
writes (`raw=True`: the very line, as a str). A `Checker` keeps its rule base
loaded between calls; the module functions share one per (rules, config).

The library is found through $CLAIMCHECK_LIBRARY, else a build tree beside
this package (build/lib, build/src), else the loader path
(libclaimcheck.so.0). The rule base: `rules=` (a path or a list of paths),
else $CLAIMCHECK_RULES, else the source tree's rules/, else the installed
share/claimcheck/rules. No `.claimcheck.yaml` is read unless `config=` names
one (the command finds one upward from the current folder). See
docs/python.md.
"""
import ctypes
import ctypes.util
import json
import os
import threading

__all__ = ["check", "check_jsonl", "Checker", "ClaimcheckError", "version", "library_path"]

_ERROR_SOURCE_LENGTH = 256
_ERROR_TEXT_LENGTH = 256
_DOC_OPTIONS_VERSION = 2
_CHECK_OPTIONS_VERSION = 3
_FORMAT_JSON = 1
_FORMAT_JSONL = 2
_INPUTS = {"auto": 0, "text": 1, "markdown": 2, "html": 3}
_HERE = os.path.dirname(os.path.abspath(__file__))
_TREE = os.path.dirname(os.path.dirname(os.path.dirname(_HERE)))  # src/python/claimcheck -> root


class _Pos(ctypes.Structure):
    _fields_ = [("offset", ctypes.c_size_t), ("line", ctypes.c_uint), ("column", ctypes.c_uint)]


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("pos", _Pos),
                ("source", ctypes.c_char * _ERROR_SOURCE_LENGTH),
                ("text", ctypes.c_char * _ERROR_TEXT_LENGTH)]


class _DocOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("path", ctypes.c_char_p), ("id", ctypes.c_char_p),
                ("date", ctypes.c_char_p), ("source", ctypes.c_char_p), ("url", ctypes.c_char_p),
                ("input", ctypes.c_int), ("title", ctypes.c_char_p)]


class _CheckOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("report_approximators", ctypes.c_int),
                ("config", ctypes.c_void_p), ("baseline", ctypes.c_void_p),
                ("cue_features", ctypes.c_int)]


class ClaimcheckError(Exception):
    """A failure of the library: `code` (a negative claimcheck_status), `source`,
    `line` and `column` (0 when there is no position) and the message."""

    def __init__(self, err, what=None):
        self.code = err.code
        self.source = err.source.decode("utf-8", "replace")
        self.line = err.pos.line
        self.column = err.pos.column
        self.text = err.text.decode("utf-8", "replace")
        where = self.source
        if self.line:
            where = "%s:%d:%d" % (where, self.line, self.column)
        super().__init__(": ".join(x for x in (what, where, self.text) if x))


_lib = None
_lib_path = None
_lib_lock = threading.Lock()


def _candidates():
    env = os.environ.get("CLAIMCHECK_LIBRARY")
    if env:
        return [env]
    out = []
    for build in ("build", "build-shared"):
        for sub in ("lib", "src"):
            out.append(os.path.join(_TREE, build, sub, "libclaimcheck.so"))
    out.append("libclaimcheck.so.0")
    found = ctypes.util.find_library("claimcheck")
    if found:
        out.append(found)
    return out


def _declare(lib):
    P, S, I, U, E = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_uint, ctypes.POINTER(_Error)
    PP = ctypes.POINTER(ctypes.c_void_p)
    sig = {
        "claimcheck_version": (ctypes.c_char_p, []),
        "claimcheck_free": (None, [P]),
        "claimcheck_rules_load": (I, [PP, ctypes.c_char_p, E]),
        "claimcheck_rules_add": (I, [P, ctypes.c_char_p, E]),
        "claimcheck_rules_free": (None, [P]),
        "claimcheck_config_load": (I, [PP, ctypes.c_char_p, E]),
        "claimcheck_config_free": (None, [P]),
        "claimcheck_doc_new": (I, [PP, ctypes.c_char_p, S, ctypes.POINTER(_DocOptions), E]),
        "claimcheck_doc_from_json": (I, [PP, ctypes.c_char_p, S, ctypes.POINTER(_DocOptions), E]),
        "claimcheck_doc_free": (None, [P]),
        "claimcheck_check": (I, [PP, P, P, ctypes.POINTER(_CheckOptions), E]),
        "claimcheck_report_new_failed": (I, [PP, ctypes.c_char_p, ctypes.c_char_p, E]),
        "claimcheck_report_free": (None, [P]),
        "claimcheck_render": (I, [ctypes.POINTER(ctypes.c_void_p), PP, S, I, U, E]),
    }
    for name, (res, args) in sig.items():
        fn = getattr(lib, name)
        fn.restype = res
        fn.argtypes = args


def _load():
    global _lib, _lib_path
    with _lib_lock:
        if _lib is not None:
            return _lib
        tried = []
        for path in _candidates():
            if os.sep in path and not os.path.exists(path):
                tried.append(path + " (missing)")
                continue
            try:
                lib = ctypes.CDLL(path)
            except OSError as e:
                tried.append("%s (%s)" % (path, e))
                continue
            _declare(lib)
            _lib, _lib_path = lib, path
            return lib
        raise OSError("claimcheck: libclaimcheck.so not found; build it (cmake) or set "
                      "CLAIMCHECK_LIBRARY. Tried: " + "; ".join(tried))


def library_path():
    """The path of the libclaimcheck loaded (loading it if needed)."""
    _load()
    return _lib_path


def version():
    """The library's version, "MAJOR.MINOR.PATCH"."""
    return _load().claimcheck_version().decode()


def _default_rules():
    env = os.environ.get("CLAIMCHECK_RULES")
    if env:
        return [env]
    for path in (os.path.join(_TREE, "rules"),
                 os.path.join(os.path.dirname(os.path.dirname(_HERE)), "share", "claimcheck", "rules"),
                 "/usr/local/share/claimcheck/rules", "/usr/share/claimcheck/rules"):
        if os.path.isdir(path):
            return [path]
    raise OSError("claimcheck: no rule base found; pass rules= or set CLAIMCHECK_RULES")


def _b(s):
    if s is None:
        return None
    return s.encode("utf-8") if isinstance(s, str) else bytes(s)


class Checker:
    """A loaded rule base (and configuration): check many texts with it.

    rules: a path or a list of paths (None: the default rule base);
    config: a .claimcheck.yaml to apply (its severities, ignores; its `rules`
    when `rules` is None). Not shared between threads: use one per thread."""

    def __init__(self, rules=None, config=None):
        lib = _load()
        self._lib = lib
        self._rules = ctypes.c_void_p()
        self._config = ctypes.c_void_p()
        err = _Error()
        if config is not None:
            if lib.claimcheck_config_load(ctypes.byref(self._config), _b(os.fspath(config)),
                                          ctypes.byref(err)) < 0:
                raise ClaimcheckError(err, "config")
            if rules is None:
                n = lib.claimcheck_config_rules_count
                n.restype, n.argtypes = ctypes.c_size_t, [ctypes.c_void_p]
                r = lib.claimcheck_config_rules
                r.restype, r.argtypes = ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_size_t]
                rules = [r(self._config, i).decode() for i in range(n(self._config))] or None
        if rules is None:
            rules = _default_rules()
        elif isinstance(rules, (str, bytes, os.PathLike)):
            rules = [rules]
        for i, path in enumerate(rules):
            path = _b(os.fspath(path))
            if i == 0:
                rc = lib.claimcheck_rules_load(ctypes.byref(self._rules), path, ctypes.byref(err))
            else:
                rc = lib.claimcheck_rules_add(self._rules, path, ctypes.byref(err))
            if rc < 0:
                self.close()
                raise ClaimcheckError(err, "rules")
        self._copts = _CheckOptions(_CHECK_OPTIONS_VERSION, 0, self._config, None, 0)

    def close(self):
        """Releases the rule base (also done when the Checker is collected)."""
        lib = getattr(self, "_lib", None)
        if lib is None:
            return
        if self._rules:
            lib.claimcheck_rules_free(self._rules)
            self._rules = ctypes.c_void_p()
        if self._config:
            lib.claimcheck_config_free(self._config)
            self._config = ctypes.c_void_p()

    def __del__(self):
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _render(self, report, fmt):
        out = ctypes.c_void_p()
        err = _Error()
        arr = (ctypes.c_void_p * 1)(report)
        if self._lib.claimcheck_render(ctypes.byref(out), arr, 1, fmt, 0, ctypes.byref(err)) < 0:
            raise ClaimcheckError(err, "render")
        try:
            return ctypes.string_at(out).decode("utf-8")
        finally:
            self._lib.claimcheck_free(out)

    def _check_doc(self, doc, fmt):
        lib = self._lib
        report = ctypes.c_void_p()
        err = _Error()
        try:
            if lib.claimcheck_check(ctypes.byref(report), doc, self._rules,
                                    ctypes.byref(self._copts), ctypes.byref(err)) < 0:
                raise ClaimcheckError(err, "check")
            return self._render(report, fmt)
        finally:
            lib.claimcheck_report_free(report)
            lib.claimcheck_doc_free(doc)

    def check(self, text, date=None, source=None, url=None, title=None, id=None, path=None,
              input="auto"):
        """Checks one document (str or UTF-8 bytes); returns the document
        object of `--format json`: id, path, date, source, sentences, claims,
        findings. `input`: auto, text, markdown or html."""
        data = _b(text)
        opts = _DocOptions(_DOC_OPTIONS_VERSION, _b(path), _b(id), _b(date), _b(source),
                           _b(url), _INPUTS[input], _b(title))
        doc = ctypes.c_void_p()
        err = _Error()
        if self._lib.claimcheck_doc_new(ctypes.byref(doc), data, len(data), ctypes.byref(opts),
                                        ctypes.byref(err)) < 0:
            raise ClaimcheckError(err, "document")
        return json.loads(self._check_doc(doc, _FORMAT_JSON))["documents"][0]

    def check_record(self, line, lineno, path="<stdin>", date=None, source=None,
                     input="auto"):
        """Checks one JSON Lines record (its line `lineno`, 1-based, of the file
        `path`) as `--input jsonl --format jsonl` does; returns the output
        line (str, with its newline), or None for a blank line. A record that
        cannot be read gives the error record the command writes."""
        data = _b(line)
        if lineno == 1 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        data = data.rstrip(b"\r\n")
        if not data.strip(b" \t"):
            return None
        rid = _b("line %d" % lineno)
        opts = _DocOptions(_DOC_OPTIONS_VERSION, _b(path), rid, _b(date), _b(source), None,
                           _INPUTS[input], None)
        doc = ctypes.c_void_p()
        err = _Error()
        if self._lib.claimcheck_doc_from_json(ctypes.byref(doc), data, len(data),
                                              ctypes.byref(opts), ctypes.byref(err)) < 0:
            # the record's line, not the record's own line 1 (as the command does)
            err.pos.column = err.pos.column if err.pos.line else 1
            err.pos.line = lineno
            report = ctypes.c_void_p()
            if self._lib.claimcheck_report_new_failed(ctypes.byref(report), _b(path), rid,
                                                      ctypes.byref(err)) < 0:
                raise MemoryError("claimcheck: out of memory")
            try:
                return self._render(report, _FORMAT_JSONL)
            finally:
                self._lib.claimcheck_report_free(report)
        return self._check_doc(doc, _FORMAT_JSONL)

    def check_jsonl(self, lines, path="<stdin>", date=None, source=None, input="auto",
                    raw=False, first_line=1):
        """Checks JSON Lines records (an iterable of str or bytes lines, a file
        say); yields per record what `--input jsonl --format jsonl` writes: a
        dict, or with `raw` the line itself. `first_line` numbers the first
        line (ids of records without one are "line N")."""
        for n, line in enumerate(lines, first_line):
            out = self.check_record(line, n, path, date, source, input)
            if out is not None:
                yield out if raw else json.loads(out)


_shared = {}
_shared_lock = threading.Lock()


def _checker(rules, config):
    key = (repr(rules), repr(config), threading.get_ident())
    with _shared_lock:
        c = _shared.get(key)
        if c is None:
            c = _shared[key] = Checker(rules, config)
        return c


def check(text, date=None, rules=None, source=None, config=None, **kw):
    """Checks one document; returns the document object of `--format json`
    (see Checker.check for the other keywords: url, title, id, path, input)."""
    return _checker(rules, config).check(text, date=date, source=source, **kw)


def check_jsonl(lines, rules=None, config=None, **kw):
    """Checks JSON Lines records; yields what `--format jsonl` writes per record
    (see Checker.check_jsonl: path, date, source, input, raw)."""
    return _checker(rules, config).check_jsonl(lines, **kw)
