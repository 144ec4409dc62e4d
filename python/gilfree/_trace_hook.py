"""The one switch @gf.fuse's tracer turns on: while a function is being traced, ufuncs, where and the
reductions first offer their call to `hook(name, args, kwargs)`, which returns NotImplemented unless an
operand is symbolic. It is None the rest of the time, so an ordinary call pays one global test."""
hook = None
