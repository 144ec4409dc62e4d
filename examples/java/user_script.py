# A user's script: EmbedExample calls process(block) from several Java threads at once.
# `block` is a gilfree.ndarray over the Java application's own memory (no copy).
import gilfree as gf


def process(block):
    block *= 2.0                  # in place: the Java side sees the new values
    block += 1.0
    return float(block.sum())     # engine work, GIL released: threads run in parallel
