"""repr() and str() of arrays, formatted as NumPy formats them (default print options)."""
import math

_THRESHOLD = 1000   # more elements than this are summarised with '...'
_EDGEITEMS = 3
_LINEWIDTH = 75
_PRECISION = 8


def _format_floats(values):
    """NumPy's default float formatting: shortest repr up to 8 digits, one style for the whole array."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return [_special(v) for v in values]
    big, small = max(abs(v) for v in finite), min(abs(v) for v in finite)
    nonzero = [abs(v) for v in finite if v != 0]
    exp_mode = big >= 1e16 or (nonzero and (min(nonzero) < 1e-4 or big / min(nonzero) > 1e3 and big >= 1e8))
    if exp_mode:
        digits = 0
        for v in finite:
            m = f"{v:.{_PRECISION}e}".split("e")[0].rstrip("0")
            digits = max(digits, len(m.split(".")[1]) if "." in m else 0)
        out = []
        for v in values:
            if not math.isfinite(v):
                out.append(_special(v))
                continue
            mant, ex = f"{v:.{digits}e}".split("e")
            if digits == 0:
                mant += "."
            out.append(f"{mant}e{ex[0]}{int(ex[1:]):02d}")
        return out
    frac = 0
    for v in finite:
        s = f"{round(v, _PRECISION):.{_PRECISION}f}".rstrip("0")
        frac = max(frac, len(s.split(".")[1]))
    out = []
    for v in values:
        if not math.isfinite(v):
            out.append(_special(v))
            continue
        s = f"{v:.{frac}f}" if frac else f"{v:.0f}."
        if frac:
            # pad stripped zeros with spaces, as NumPy aligns the decimal point
            stripped = s.rstrip("0")
            s = stripped + " " * (len(s) - len(stripped))
        out.append(s)
    return out


def _special(v):
    return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")


def _format_all(a, flat):
    kind = a.dtype.kind
    if kind == "b":
        strs = [" True" if v else "False" for v in flat]
    elif kind in "iu":
        strs = [str(v) for v in flat]
    else:
        strs = _format_floats(flat)
    width = max((len(s) for s in strs), default=0)
    return [s.rjust(width) for s in strs]


def _render(strs, shape, indent, sep):
    """Nested brackets; `indent` is the column just after this level's opening bracket."""
    if not shape:
        return strs[0]
    comma = sep.rstrip(" ")
    if len(shape) == 1:
        lines, cur = [], ""
        for i, s in enumerate(strs):
            token = s + (comma if i < len(strs) - 1 else "]")
            if cur and indent + len(cur) + 1 + len(token) > _LINEWIDTH:
                lines.append(cur)
                cur = token
            else:
                cur = f"{cur} {token}" if cur else token
        lines.append(cur)
        return "[" + ("\n" + " " * indent).join(lines)
    step = len(strs) // shape[0] if shape[0] else 0
    rows = [_render(strs[i * step:(i + 1) * step], shape[1:], indent + 1, sep) for i in range(shape[0])]
    joiner = comma + "\n" * (len(shape) - 1) + " " * indent
    return "[" + joiner.join(rows) + "]"


def _body(a, sep, prefix_len):
    if a.size == 0:
        return "[]"
    if a.size > _THRESHOLD:
        return _summarised(a, sep, prefix_len)
    strs = _format_all(a, a._flat_list())
    return _render(strs, a.shape, prefix_len + 1, sep)


def _summarised(a, sep, prefix_len):
    # Edges only: the first and last EDGEITEMS entries along each axis of a 1-d view.
    flat = a._flat_list()
    if a.ndim == 1:
        shown = flat[:_EDGEITEMS] + flat[-_EDGEITEMS:]
        strs = _format_all(a, shown)
        return "[" + (sep.rstrip(" ") + " ").join(strs[:_EDGEITEMS]) + sep.rstrip(" ") + " ..." + \
            sep.rstrip(" ") + " " + (sep.rstrip(" ") + " ").join(strs[_EDGEITEMS:]) + "]"
    raise NotImplementedError("printing summarised n-d arrays is not supported yet")


def array_repr(a):
    prefix = "array("
    body = _body(a, ", ", len(prefix))
    if a.ndim == 0:
        body = _format_all(a, a._flat_list())[0].strip()
    default = a.dtype.name in ("float64", "int64", "bool") and a.size > 0
    suffix = ")" if default else f", dtype={a.dtype.name})"
    if a.size == 0 and a.shape != (0,):
        suffix = f", shape={a.shape}, dtype={a.dtype.name})"
    return prefix + body + suffix


def array_str(a):
    if a.ndim == 0:
        return _format_all(a, a._flat_list())[0].strip()
    return _body(a, " ", 0)
