package org.parley.core;

/** The named thing (site, article, author, comment, account) does not exist. Code: {@code not-found}. */
public final class NotFoundException extends ParleyException {
    public static final String CODE = "not-found";
    private final String kind;
    private final String id;

    public NotFoundException(String kind, Object id) {
        super(CODE, kind + " " + id + " does not exist");
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    /** What was looked up: {@code site}, {@code article}, {@code author}, {@code comment}, {@code account}. */
    public String kind() {
        return kind;
    }

    /** The identifier that was looked up, as given. */
    public String id() {
        return id;
    }
}
