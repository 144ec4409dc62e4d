"""repr() and str() of arrays and scalars, formatted as NumPy 2 formats them (a port of the rules of
numpy/_core/arrayprint.py: FloatingFormat with dragon4-style shortest digits, _formatArray's line
wrapping and '...' summarisation). Options come from _printoptions (per thread/context)."""
import math

from ._manipulation import concatenate
from ._printoptions import current as _options
from ._scalar_format import positional, scientific

_IMPLIED = ("float64", "int64", "bool", "complex128")
# NumPy 2.3+: arrays print in scientific notation from 10**min(8, the dtype's decimal precision)
_EXP_FROM = {"float16": 1e3, "float32": 1e6, "float64": 1e8}


# ----- element formatters (NumPy's FloatingFormat, IntegerFormat, BoolFormat, ComplexFloatingFormat) -----

class _FloatFormat:
    def __init__(self, data, part, opts, sign=None):
        self.part = part
        self.opts = opts
        self.sign = sign if sign is not None else opts["sign"]
        self.precision = opts["precision"]
        self.floatmode = opts["floatmode"]
        finite = [v for v in data if math.isfinite(v)]
        nz = [abs(v) for v in finite if v != 0]
        self.exp = False
        if nz:
            mx, mn = max(nz), min(nz)
            # NumPy 2.3+: the cutoff is 10**min(8, the dtype's decimal precision): 1e6 for float32
            if mx >= _EXP_FROM[part] or (not opts["suppress"] and (mn < 1e-4 or mx / mn > 1e3)):
                self.exp = True
        prec = None if self.floatmode == "unique" else self.precision
        if not finite:
            self.pad_left = self.pad_right = 0
            self.unique, self.digits, self.keep = True, prec, False
        elif self.exp:
            parts = [scientific(v, prec, part) for v in finite]
            self.exp_size = max(max(len(str(abs(p[3]))) for p in parts), 2)
            self.digits = max(len(p[2]) for p in parts)
            if self.floatmode == "fixed":
                self.digits = self.precision
            self.pad_left = max(len(p[0] + p[1]) + (self.sign in "+ " and not p[0]) for p in parts)
            self.pad_right = self.exp_size + 2 + self.digits
        else:
            unique = self.floatmode != "fixed"
            if self.opts["suppress"] and prec is not None:
                finite = [v if abs(v) >= 10.0 ** -prec or v == 0 else 0.0 for v in finite]
            parts = [positional(v, prec, part, unique) for v in finite]
            self.pad_left = max(len(s + i) + (self.sign == "+" and not s) for s, i, _ in parts)
            self.pad_right = max(len(f) for _, _, f in parts)
            self.unique = unique
            self.keep = self.floatmode in ("fixed", "maxprec_equal")
            self.digits = prec
        if self.sign == " " and finite and not any(math.copysign(1.0, v) < 0 for v in finite):
            self.pad_left += 1
        if len(finite) != len(data):
            neginf = self.sign != "-" or any(math.isinf(v) and v < 0 for v in data)
            offset = self.pad_right + 1
            self.pad_left = max(self.pad_left, len(opts["nanstr"]) - offset, len(opts["infstr"]) + neginf - offset)

    def _signed(self, s):
        if s:
            return s
        return "+" if self.sign == "+" else ""

    def __call__(self, v):
        if not math.isfinite(v):
            if math.isnan(v):
                ret = ("+" if self.sign == "+" else "") + self.opts["nanstr"]
            else:
                ret = ("-" if v < 0 else "+" if self.sign == "+" else "") + self.opts["infstr"]
            return " " * (self.pad_left + self.pad_right + 1 - len(ret)) + ret
        if self.exp:
            # NumPy prints every value with the column's digits, taken from the value's exact expansion (a
            # float32 1e-08 next to 1.2345679e+08 is 9.9999999e-09, not the shortest "1e-08" padded with zeros)
            s, first, rest, e = scientific(v, self.digits, self.part, exact=True)
            mant = (self._signed(s) + first).rjust(self.pad_left) + "." + rest.ljust(self.digits, "0")
            return f"{mant}e{'-' if e < 0 else '+'}{str(abs(e)).zfill(self.exp_size)}"
        if self.opts["suppress"] and self.digits is not None and abs(v) < 10.0 ** -self.digits:
            v = 0.0 * (1 if v >= 0 else -1)
        s, ip, fp = positional(v, self.digits, self.part, self.unique)
        if self.keep:
            fp = fp.ljust(self.pad_right, "0")
        return (self._signed(s) + ip).rjust(self.pad_left) + "." + fp.ljust(self.pad_right)


class _ComplexFormat:
    def __init__(self, data, part, opts):
        self.re = _FloatFormat([z.real for z in data], part, opts)
        self.im = _FloatFormat([z.imag for z in data], part, opts, sign="+")

    def __call__(self, z):
        r = self.re(z.real)
        i = self.im(z.imag)
        sp = len(i.rstrip())
        return r + i[:sp] + "j" + i[sp:]


def _formatter(kind, name, data, opts, zero_d):
    if kind == "b":
        t = "True" if zero_d else " True"
        return lambda v: t if v else "False"
    if kind in "iu":
        width = max((len(str(v)) for v in data), default=0)
        plus = opts["sign"] == "+"
        if plus:
            width = max((len(f"{v:+d}") for v in data), default=0)
            return lambda v: f"{v:+d}".rjust(width)
        return lambda v: str(v).rjust(width)
    part = {"float16": "float16", "float32": "float32", "complex64": "float32"}.get(name, "float64")
    if kind == "c":
        return _ComplexFormat(data, part, opts)
    return _FloatFormat(data, part, opts)


# ----- layout (NumPy's _formatArray) -----

def _extend_line(s, line, word, width, prefix):
    needs_wrap = len(line) + len(word) > width
    if len(line) <= len(prefix):
        needs_wrap = False
    if needs_wrap:
        s += line.rstrip() + "\n"
        line = prefix
    return s, line + word


def _format_array(nested, shape, fmt, width, prefix, sep, edge, summary):
    ndim = len(shape)

    def rec(node, axis, hanging, curr_width):
        if axis == ndim:
            return fmt(node)
        nxt_hanging = hanging + " "
        nxt_width = curr_width - 1
        n = shape[axis]
        show = summary and 2 * edge < n
        if show:
            lead, trail = node[:edge], node[edge:]
        else:
            lead, trail = [], node
        left = ndim - axis
        s = ""
        if left == 1:
            elem_width = curr_width - max(len(sep.rstrip()), 1)
            line = hanging
            for item in lead:
                s, line = _extend_line(s, line, rec(item, axis + 1, nxt_hanging, nxt_width), elem_width, hanging)
                line += sep
            if show:
                s, line = _extend_line(s, line, "...", elem_width, hanging)
                line += sep
            for item in trail[:-1]:
                s, line = _extend_line(s, line, rec(item, axis + 1, nxt_hanging, nxt_width), elem_width, hanging)
                line += sep
            s, line = _extend_line(s, line, rec(trail[-1], axis + 1, nxt_hanging, nxt_width), elem_width, hanging)
            s += line
        else:
            line_sep = sep.rstrip() + "\n" * (left - 1)
            for item in lead:
                s += hanging + rec(item, axis + 1, nxt_hanging, nxt_width) + line_sep
            if show:
                s += hanging + "..." + line_sep
            for item in trail[:-1]:
                s += hanging + rec(item, axis + 1, nxt_hanging, nxt_width) + line_sep
            s += hanging + rec(trail[-1], axis + 1, nxt_hanging, nxt_width)
        return "[" + s[len(hanging):] + "]"

    return rec(nested, 0, prefix, width)


def _leading_trailing(a, edge):
    """The edge items of every long axis (what a summarised array shows), as an array."""
    for axis, n in enumerate(a.shape):
        if n > 2 * edge:
            idx = (slice(None),) * axis
            a = concatenate([a[idx + (slice(None, edge),)], a[idx + (slice(-edge, None),)]], axis=axis)
    return a


def _flat(nested, depth):
    if depth == 0:
        return [nested]
    out = []
    for x in nested:
        out.extend(_flat(x, depth - 1))
    return out


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ", prefix="",
                 suffix="", *, threshold=None, edgeitems=None, sign=None, floatmode=None):
    opts = dict(_options())
    for k, v in (("linewidth", max_line_width), ("precision", precision), ("suppress", suppress_small),
                 ("threshold", threshold), ("edgeitems", edgeitems), ("sign", sign), ("floatmode", floatmode)):
        if v is not None:
            opts[k] = v
    if a.size == 0:
        return "[]"
    summary = a.size > opts["threshold"]
    data = _leading_trailing(a, opts["edgeitems"]) if summary else a
    nested = data.tolist()
    flat = _flat(nested, a.ndim)
    fmt = _formatter(a.dtype.kind, a.dtype.name, flat, opts, a.ndim == 0)
    if a.ndim == 0:
        return fmt(nested)
    width = opts["linewidth"] - len(suffix)
    return _format_array(nested, a.shape, fmt, width, " " + " " * len(prefix), separator, opts["edgeitems"], summary)


def array_repr(a):
    opts = _options()
    if opts["override_repr"] is not None:
        return opts["override_repr"](a)
    prefix = "array("
    lst = array2string(a, separator=", ", prefix=prefix, suffix=")")
    extras = []
    if (a.size == 0 and a.shape != (0,)) or a.size > opts["threshold"]:
        extras.append(f"shape={a.shape}")
    if a.dtype.name not in _IMPLIED or a.size == 0:
        extras.append(f"dtype={a.dtype.name}")
    if not extras:
        return prefix + lst + ")"
    arr_str = prefix + lst + ","
    extra = ", ".join(extras) + ")"
    last_line_len = len(arr_str) - (arr_str.rfind("\n") + 1)
    spacer = " "
    if last_line_len + len(extra) + 1 > opts["linewidth"]:
        spacer = "\n" + " " * len(prefix)
    return arr_str + spacer + extra


def array_str(a):
    if a.ndim == 0:
        return str(a[()])
    return array2string(a, separator=" ", prefix="")
