package dev.gilfree.core;

/** NumPy's casting rules: which dtype conversions each casting mode allows. */
public enum Casting {
    NO("no"), EQUIV("equiv"), SAFE("safe"), SAME_KIND("same_kind"), UNSAFE("unsafe");

    private final String npName;

    Casting(String npName) { this.npName = npName; }

    public String npName() { return npName; }

    public static Casting of(String name) {
        for (Casting c : values()) {
            if (c.npName.equals(name)) return c;
        }
        throw GilfreeException.value("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
    }

    public boolean allows(DType from, DType to) {
        return switch (this) {
            case NO, EQUIV -> from == to; // native byte order only, so equiv == no
            case SAFE -> Promotion.promote(from, to) == to;
            case SAME_KIND -> Promotion.promote(from, to) == to || kindOrder(from) <= kindOrder(to);
            case UNSAFE -> true;
        };
    }

    // NumPy orders kinds b < u < i < f < c for same_kind casts.
    private static int kindOrder(DType t) {
        return switch (t.kind()) {
            case 'b' -> 0;
            case 'u' -> 1;
            case 'i' -> 2;
            case 'f' -> 3;
            default -> 4;
        };
    }
}
