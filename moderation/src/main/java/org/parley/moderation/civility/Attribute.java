package org.parley.moderation.civility;

/**
 * The civility attributes a {@link CivilityScorer} estimates, each as a calibrated probability in
 * {@code [0, 1]}. {@link #UNCIVIL} is the overall estimate that a careful moderator would hold the
 * comment; it combines the others. {@link #key()} is the stable lower-case name used in JSON, in
 * configuration and in the model file.
 */
public enum Attribute {
    /** Rude, disrespectful or unreasonable; likely to make people leave a discussion. */
    TOXICITY("toxicity"),
    /** Very hateful, aggressive or disrespectful. */
    SEVERE_TOXICITY("severe_toxicity"),
    /** Insulting, inflammatory or negative language towards a person or group. */
    INSULT("insult"),
    /** Negative or hateful language targeting someone because of their identity. */
    IDENTITY_ATTACK("identity_attack"),
    /** Describes an intention to inflict pain, injury or violence on someone. */
    THREAT("threat"),
    /** Swear words, curse words or other obscene language. */
    PROFANITY("profanity"),
    /** Mocking, belittling or brushing off the other side ("cool story", "talk trash"). */
    DISMISSIVE("dismissive"),
    /** Aimed at the commenter or the author rather than the argument. */
    ATTACK_ON_PERSON("attack_on_person"),
    /** Overall: a careful moderator would hold this comment. */
    UNCIVIL("uncivil");

    private final String key;

    Attribute(String key) {
        this.key = key;
    }

    /** The stable lower-case name of this attribute, e.g. {@code "attack_on_person"}. */
    public String key() {
        return key;
    }

    /**
     * The attribute whose {@link #key()} is {@code key}.
     *
     * @throws IllegalArgumentException if no attribute has that key
     */
    public static Attribute ofKey(String key) {
        for (Attribute a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown civility attribute: " + key);
    }
}
