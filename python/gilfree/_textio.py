"""NumPy's text files and text/binary streams: gf.savetxt, loadtxt, genfromtxt, fromfile, fromstring.

Text is parsed and formatted in Python (one field at a time, as NumPy's own readers do); each result crosses to
the engine once. Numbers are read as NumPy reads them: no underscores, no hexadecimal, integers without a
fraction, range-checked for the dtype; errors name the row and column as NumPy's do.
"""
import builtins
import os
import warnings

# Compressed text files where the runtime has the codecs (a sandboxed GraalPy has none of them).
try:
    import bz2
except ImportError:
    bz2 = None
try:
    import gzip
except ImportError:
    gzip = None
try:
    import lzma
except ImportError:
    lzma = None

from ._bytes import from_bytes as _from_bytes, from_path as _from_path
from ._creation import array as _array, asarray as _asarray, zeros as _zeros
from ._dtypes import INT_BOUNDS as _INT_BOUNDS, dtype as _dtype


class ConversionWarning(UserWarning):
    """numpy.lib._iotools.ConversionWarning: genfromtxt skipped rows it could not read."""


# ----------------------------------------------------------------------------- files and lines

_OPENERS = {ext: mod.open for ext, mod in ((".gz", gzip), (".bz2", bz2), (".xz", lzma), (".lzma", lzma)) if mod}


def _open(path, mode, encoding):
    path = os.fspath(path)
    opener = _OPENERS.get(os.path.splitext(path)[1], open)
    return opener(path, mode, encoding=encoding) if "t" in mode or opener is open else opener(path, mode)


def _lines(fname, encoding):
    """(the lines of `fname` as str without line ends, a close function): a path, a file or an iterable of lines."""
    if isinstance(fname, (str, bytes, os.PathLike)):
        if isinstance(fname, bytes):
            fname = fname.decode()
        f = _open(fname, "rt", encoding)
        return _decoded(f, encoding), f.close
    if hasattr(fname, "read") or hasattr(fname, "__iter__"):
        return _decoded(fname, encoding), lambda: None
    raise TypeError(f"fname must be a string, filehandle, list of strings,\nor generator. Got {type(fname)} instead.")


def _decoded(lines, encoding):
    for line in lines:
        if isinstance(line, bytes):
            line = line.decode(encoding or "latin1")
        yield line.rstrip("\r\n")


def _strip_comments(line, comments):
    for c in comments:
        at = line.find(c)
        if at >= 0:
            line = line[:at]
    return line


def _comment_list(comments):
    if comments is None:
        return ()
    if isinstance(comments, (str, bytes)):
        comments = [comments]
    return [c.decode("latin1") if isinstance(c, bytes) else c for c in comments]


def _split(line, delimiter):
    if delimiter is None:
        return line.split()
    return line.split(delimiter)


# ----------------------------------------------------------------------------- one field

def _parser(dt):
    """A function str -> Python value of dtype `dt`, raising ValueError for text NumPy rejects."""
    kind = dt.kind
    if kind == "f":
        def parse(s):
            if "_" in s:
                raise ValueError(s)
            return float(s)
    elif kind == "c":
        def parse(s):
            if "_" in s:
                raise ValueError(s)
            return complex(s.strip())
    else:
        lo, hi = _INT_BOUNDS[dt.name]

        def parse(s):
            if "_" in s:
                raise ValueError(s)
            v = int(s)
            if not lo <= v <= hi:
                if kind == "b":
                    return True
                raise ValueError(s)
            return v if kind != "b" else builtins.bool(v)
    return parse


def _numeric_dtype(dtype):
    dt = _dtype(dtype)
    if dt.kind not in "biufc":
        raise TypeError(f"gilfree reads numeric dtypes only, not {dt}")
    return dt


def _ndmin(a, ndmin):
    """NumPy's final shape rule for loadtxt/genfromtxt: squeeze, then at least `ndmin` dimensions."""
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    if a.ndim > ndmin:
        a = a.squeeze()
    if a.ndim < ndmin:
        a = a.reshape(-1) if ndmin == 1 else a.reshape(1, -1).T if a.ndim == 1 else a.reshape(1, 1)
    return a


def _usecols(usecols):
    if usecols is None:
        return None
    if isinstance(usecols, int) or hasattr(usecols, "__index__"):
        return [int(usecols)]
    return [int(c) for c in usecols]


# ----------------------------------------------------------------------------- loadtxt

def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0, usecols=None,
            unpack=False, ndmin=0, encoding=None, max_rows=None, *, quotechar=None, like=None):
    """np.loadtxt for numeric dtypes: one row per line, fields split on `delimiter` (whitespace by default)."""
    dt = _numeric_dtype(dtype)
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    comment_list = _comment_list(comments)
    cols = _usecols(usecols)
    parse = _parser(dt)
    if converters is not None and not (callable(converters) or isinstance(converters, dict)):
        raise TypeError("converters must be a dictionary mapping columns to converter functions or a single "
                        "callable.")
    if skiprows < 0:
        raise ValueError("skiprows must not be negative")
    lines, close = _lines(fname, encoding)
    rows, ncols = [], None
    try:
        for i, line in enumerate(lines):
            if i < skiprows:
                continue
            if max_rows is not None and len(rows) >= max_rows:
                break
            text = _strip_comments(line, comment_list)
            if not text.strip():
                continue
            fields = _split(text, delimiter)
            if quotechar is not None:
                fields = [f.strip().strip(quotechar) for f in fields]
            row_no = len(rows)
            if cols is not None:
                for c in cols:
                    if not -len(fields) <= c < len(fields):
                        raise ValueError(f"invalid column index {c} at row {row_no + 1} with {len(fields)} columns")
                picked = [(c % len(fields), fields[c]) for c in cols]
            else:
                picked = list(enumerate(fields))
            if ncols is None:
                ncols = len(picked)
            elif len(picked) != ncols:
                raise ValueError(f"the number of columns changed from {ncols} to {len(picked)} at row {row_no + 1}; "
                                 "use `usecols` to select a subset and avoid this error")
            rows.append([_convert(s, c, row_no, dt, parse, converters) for c, s in picked])
    finally:
        close()
    if not rows:
        warnings.warn(f'loadtxt: input contained no data: "{fname}"', UserWarning, stacklevel=2)
        out = _zeros((0,) if cols is None or len(cols) <= 1 else (0, len(cols)), dtype=dt)
    else:
        out = _array(rows, dtype=dt)
    out = _ndmin(out, ndmin)
    return out.T if unpack else out


def _convert(s, col, row_no, dt, parse, converters):
    if converters is not None:
        conv = converters if callable(converters) else converters.get(col)
        if conv is not None:
            v = conv(s)
            return parse(v) if isinstance(v, str) else v
    try:
        return parse(s.strip())
    except (ValueError, OverflowError):
        raise ValueError(f"could not convert string {s!r} to {dt.name} at row {row_no}, column {col + 1}.") from None


# ----------------------------------------------------------------------------- genfromtxt

_DEFAULT_FILL = {"b": False, "i": -1, "u": -1, "f": float("nan"), "c": complex(float("nan"), 0.0)}


def _per_column(spec, ncols, default):
    """A value per column from a scalar, a sequence (by position) or a dict (by column number)."""
    out = [default] * ncols
    if spec is None:
        return out
    if isinstance(spec, dict):
        for k, v in spec.items():
            if isinstance(k, int) and -ncols <= k < ncols:
                out[k] = v
        return out
    if isinstance(spec, (list, tuple)):
        for k, v in enumerate(spec[:ncols]):
            out[k] = v
        return out
    return [spec] * ncols


def _missing_sets(missing_values, ncols):
    """The strings that mean "missing", per column ('' always does)."""
    def as_set(v):
        if v is None:
            return set()
        if isinstance(v, bytes):
            v = v.decode("latin1")
        if isinstance(v, str):
            return {s.strip() for s in v.split(",")}
        return {str(s).strip() for s in v}
    sets = [{""} for _ in range(ncols)]
    if isinstance(missing_values, dict):
        for k, v in missing_values.items():
            targets = range(ncols) if k is None else [k] if isinstance(k, int) and -ncols <= k < ncols else []
            for t in targets:
                sets[t] |= as_set(v)
    elif isinstance(missing_values, (list, tuple)):
        for k, v in enumerate(missing_values[:ncols]):
            sets[k] |= as_set(v)
    else:
        common = as_set(missing_values)
        for s in sets:
            s |= common
    return sets


def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0, skip_footer=0, converters=None,
               missing_values=None, filling_values=None, usecols=None, names=None, excludelist=None,
               deletechars=None, replace_space="_", autostrip=False, case_sensitive=True, defaultfmt="f%i",
               unpack=None, usemask=False, loose=True, invalid_raise=True, max_rows=None, encoding=None, *,
               ndmin=0, like=None):
    """np.genfromtxt for numeric dtypes and names=None: missing and unreadable fields are filled
    (`filling_values`, else nan / -1 / False), rows of the wrong width raise or (invalid_raise=False) are skipped."""
    if names is not None:
        raise NotImplementedError("gilfree has no structured arrays: genfromtxt(names=...) is not supported")
    if usemask:
        raise NotImplementedError("gilfree has no masked arrays: genfromtxt(usemask=True) is not supported")
    if dtype is None:
        dtype = float
    dt = _numeric_dtype(dtype)
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    if max_rows is not None:
        if skip_footer:
            raise ValueError("The keywords 'skip_footer' and 'max_rows' can not be specified at the same time.")
        if max_rows < 1:
            raise ValueError("'max_rows' must be at least 1.")
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    if delimiter is not None and not isinstance(delimiter, str):
        raise NotImplementedError("gilfree's genfromtxt splits on a delimiter string or whitespace, not fixed widths")
    comment_list = _comment_list(comments)
    cols = _usecols(usecols)
    parse = _parser(dt)
    lines, close = _lines(fname, encoding)
    data = []  # (line number, fields)
    try:
        for i, line in enumerate(lines):
            if i < skip_header:
                continue
            text = _strip_comments(line, comment_list)
            if not text.strip():
                continue
            data.append((i + 1, _split(text, delimiter)))
            if max_rows is not None and len(data) >= max_rows:
                break
    finally:
        close()
    if skip_footer > 0:
        data = data[:-skip_footer] if skip_footer < len(data) else []
    if not data:
        warnings.warn(f'genfromtxt: Empty input file: "{fname}"', UserWarning, stacklevel=2)
        return _zeros((0,), dtype=dt)
    nfields = len(data[0][1])
    if cols is not None:
        cols = [c + nfields if c < 0 else c for c in cols]
    width = len(cols) if cols is not None else nfields
    fills = [_fill_value(v, dt, parse) for v in _per_column(filling_values, width, _DEFAULT_FILL[dt.kind])]
    if isinstance(filling_values, dict) and cols is not None:  # dict keys name file columns
        by_file = _per_column(filling_values, nfields, _DEFAULT_FILL[dt.kind])
        fills = [_fill_value(by_file[c], dt, parse) for c in cols]
    missing = _missing_sets(missing_values, nfields)
    rows, invalid = [], []
    for line_no, fields in data:
        if len(fields) != nfields:
            invalid.append((line_no, len(fields)))
            continue
        picked = [(c, fields[c]) for c in cols] if cols is not None else list(enumerate(fields))
        row = []
        for k, (c, s) in enumerate(picked):
            s = s.strip()
            value = None
            if converters is not None and (callable(converters) or c in converters):
                conv = converters if callable(converters) else converters[c]
                value = conv(s)
            elif s not in missing[c]:
                try:
                    value = parse(s) if dt.kind != "b" else _str2bool(s)
                except (ValueError, OverflowError):
                    value = None
            row.append(fills[k] if value is None else value)
        rows.append(row)
    if invalid:
        message = "Some errors were detected !\n" + "\n".join(
            f"    Line #{n} (got {got} columns instead of {nfields})" for n, got in invalid)
        if invalid_raise:
            raise ValueError(message)
        warnings.warn(message, ConversionWarning, stacklevel=2)
    out = _array(rows, dtype=dt) if rows else _zeros((0, width), dtype=dt)
    out = out.squeeze() if ndmin == 0 else _ndmin(out, ndmin)
    return out.T if unpack else out


def _str2bool(s):
    u = s.upper()
    if u == "TRUE":
        return True
    if u == "FALSE":
        return False
    raise ValueError(s)


def _fill_value(v, dt, parse):
    if isinstance(v, (str, bytes)):
        v = v.decode("latin1") if isinstance(v, bytes) else v
        try:
            return parse(v.strip())
        except ValueError:
            return _DEFAULT_FILL[dt.kind]
    return v


# ----------------------------------------------------------------------------- savetxt

def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="", comments="# ",
            encoding=None):
    """np.savetxt: a 1-d or 2-d array as text, one row per line, each field formatted with `fmt`."""
    if isinstance(fmt, bytes):
        fmt = fmt.decode("latin1")
    if isinstance(delimiter, bytes):
        delimiter = delimiter.decode("latin1")
    X = _asarray(X)
    if X.ndim == 0 or X.ndim > 2:
        raise ValueError("Expected 1D or 2D array, got %dD array instead" % X.ndim)
    if X.ndim == 1:
        X = X.reshape(-1, 1)
    ncol = X.shape[1]
    is_complex = X.dtype.kind == "c"
    if isinstance(fmt, (list, tuple)):
        if len(fmt) != ncol:
            raise AttributeError("fmt has wrong shape.  %s" % str(fmt))
        row_format = delimiter.join(fmt)
    elif isinstance(fmt, str):
        n = fmt.count("%")
        error = ValueError("fmt has wrong number of %% formats:  %s" % fmt)
        if n == 1:
            row_format = delimiter.join([" (%s+%sj)" % (fmt, fmt) if is_complex else fmt] * ncol)
        elif n != (2 * ncol if is_complex else ncol):
            raise error
        else:
            row_format = fmt
    else:
        raise ValueError("invalid fmt: %r" % (fmt,))
    own = not hasattr(fname, "write")
    fh = _open(fname, "wt", encoding or "latin1") if own else fname
    write = _writer(fh, encoding)
    try:
        if header:
            write(comments + header.replace("\n", "\n" + comments) + newline)
        for row in X.tolist():
            if is_complex:
                flat = tuple(p for z in row for p in (z.real, z.imag))
                write((row_format % flat + newline).replace("+-", "-"))
            else:
                try:
                    text = row_format % tuple(row) + newline
                except TypeError as e:
                    raise TypeError("Mismatch between array dtype ('%s') and format specifier ('%s')"
                                    % (X.dtype, row_format)) from e
                write(text)
        if footer:
            write(comments + footer.replace("\n", "\n" + comments) + newline)
    finally:
        if own:
            fh.close()


def _writer(fh, encoding):
    """fh.write for str, encoding first when `fh` is a binary file (as NumPy's savetxt accepts both)."""
    state = {}

    def write(text):
        if state.get("binary"):
            fh.write(text.encode(encoding or "latin1"))
            return
        try:
            fh.write(text)
        except TypeError:
            state["binary"] = True
            fh.write(text.encode(encoding or "latin1"))
    return write


# ----------------------------------------------------------------------------- fromfile / fromstring

def _from_text(text, dt, count, sep):
    """The numbers of `text` separated by `sep` (whitespace around it is free; a space matches any run of
    whitespace), as np.fromstring/np.fromfile read them; ValueError when text is left that is no number."""
    parse = _parser(dt)
    stripped = sep.strip()
    fields = text.split() if not stripped else [f.strip() for f in text.split(stripped)]
    if fields and fields[-1] == "":
        fields.pop()  # a trailing separator
    values = []
    for f in fields:
        if count >= 0 and len(values) >= count:
            break
        try:
            values.append(parse(f))
        except (ValueError, OverflowError):
            raise ValueError("string or file could not be read to its end due to unmatched data") from None
    if count >= 0 and len(values) < count:
        raise ValueError(f"string is smaller than requested size: {count} numbers asked, {len(values)} read")
    return _array(values, dtype=dt) if values else _zeros((0,), dtype=dt)


def fromstring(string, dtype=float, count=-1, *, sep, like=None):
    """np.fromstring: the numbers of a text string separated by `sep` (the binary mode is gone, as in NumPy 2)."""
    dt = _numeric_dtype(dtype)
    if sep == "":
        raise ValueError("The binary mode of fromstring is removed, use frombuffer instead")
    if isinstance(string, bytes):
        string = string.decode("latin1")
    return _from_text(string, dt, count, sep)


def fromfile(file, dtype=float, count=-1, sep="", offset=0, *, like=None):
    """np.fromfile: `count` elements (all by default) of a file: raw bytes (sep='') after `offset` bytes, or
    numbers separated by `sep`."""
    dt = _numeric_dtype(dtype)
    own = not hasattr(file, "read")
    if own and not sep:
        open(os.fspath(file), "rb").close()  # Python's FileNotFoundError/PermissionError for a bad path
        flat = _from_path(os.fspath(file), offset, count, dt)  # read by the engine itself where it may
        if flat is not None:
            return flat
    f = open(os.fspath(file), "rb") if own else file
    try:
        if offset:
            f.seek(offset, 1)
        if sep:
            text = f.read()
            return _from_text(text.decode("latin1") if isinstance(text, bytes) else text, dt, count, sep)
        size = dt.itemsize
        data = f.read() if count < 0 else f.read(count * size)
        usable = len(data) - len(data) % size
        if usable != len(data) and hasattr(f, "seek"):
            f.seek(usable - len(data), 1)  # leave the partial element unread, as NumPy does
        return _from_bytes(data[:usable], dt)
    finally:
        if own:
            f.close()
