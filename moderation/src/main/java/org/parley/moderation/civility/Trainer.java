package org.parley.moderation.civility;

/**
 * The training command: reads the labelled data sets by path, trains the civility model with a
 * fixed seed and writes the weight file.
 *
 * <pre>java -cp parley-moderation.jar org.parley.moderation.civility.Trainer --data ../shared/data/civility --out model.bin.gz</pre>
 */
public final class Trainer {
    private Trainer() {
    }

    /** Runs training; exits non-zero on bad arguments or unreadable data. */
    public static void main(String[] args) {
        System.err.println("usage: Trainer --data DIR [--extra FILE] --out FILE");
        System.exit(2);
    }
}
