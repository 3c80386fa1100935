package org.parley.moderation.civility;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains on a small data directory laid out like the shared data sets (written here, so the test
 * needs no shared data) and checks that the model learns, calibrates and is reproducible.
 */
class TrainerTest {
    @TempDir
    static Path dir;
    static Path extra;

    private static final String[] RUDE = {"you are an idiot", "shut up you moron", "what a stupid fool you are",
        "you pathetic loser", "go to hell idiot", "you are a dumb clown", "stupid moron", "idiot idiot idiot"};
    private static final String[] CIVIL = {"thanks for the article", "the council meets on tuesday",
        "i disagree with the figures in the report", "the bridge opens next year", "good point about the budget",
        "the library has new opening hours", "the vote was close", "the match ended in a draw"};

    @BeforeAll
    static void writeData() throws IOException {
        List<String> jigsaw = new ArrayList<>(List.of("id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate,split_hint"));
        int id = 0;
        for (int copy = 0; copy < 12; copy++) {
            for (String r : RUDE) {
                jigsaw.add((id++) + ",\"" + r + " " + copy + "\",1,0,0,0,1,0,train");
            }
            for (String c : CIVIL) {
                jigsaw.add((id++) + ",\"" + c + " " + copy + "\",0,0,0,0,0,0,train");
            }
        }
        write("jigsaw2018_subset.csv", jigsaw);
        write("civil_comments_toxic_spans_comments.csv", List.of("comment_id,comment_text", "1,\"you idiot, really\"",
            "2,\"a calm remark about taxes\""));
        write("civil_comments_toxic_spans_annotations.csv", List.of("annotation,comment_id,worker,country,all toxic,not toxic",
            "0,1,7,USA,False,False", "1,2,8,USA,False,True"));
        write("civil_comments_toxic_spans_spans.csv", List.of("annotation,type,start,end", "0,Insult,4,9"));
        write("davidson_tweets.csv", List.of(",count,hate_speech,offensive_language,neither,class,tweet",
            "0,3,0,0,3,2,nice weather today"));
        write("hatexplain_preprocessed.csv", List.of("text,rationale_pos,label,label_gender,label_religion,label_race,label_economic,label_minority",
            "a normal post,,0,0,0,0,0,0"));
        write("toxigen_seed_statements.csv", List.of("text,hateful,target_group", "people from there are lovely,0,x"));
        List<String> own = new ArrayList<>(List.of("dismissive\tattack_on_person\tuncivil\ttext"));
        for (int copy = 0; copy < 10; copy++) {
            own.add("1\t0\t1\tcool story bro " + copy);
            own.add("0\t0\t0\tthe story ran on page " + copy);
        }
        extra = dir.resolve("extra.tsv");
        Files.write(extra, own, StandardCharsets.UTF_8);
    }

    private static void write(String name, List<String> lines) throws IOException {
        Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    @Test
    void learnsToSeparateRudeFromCivilText() {
        CivilityScorer scorer = new CivilityScorer(Trainer.train(dir, extra, quiet()));
        CivilityScores rude = scorer.score("you are a stupid idiot");
        CivilityScores civil = scorer.score("the council meets on tuesday about the budget");
        assertTrue(rude.get(Attribute.TOXICITY) > civil.get(Attribute.TOXICITY) + 0.3, rude + " vs " + civil);
        assertTrue(rude.get(Attribute.INSULT) > civil.get(Attribute.INSULT), rude + " vs " + civil);
        assertTrue(rude.uncivil() > civil.uncivil(), rude + " vs " + civil);
    }

    @Test
    void sameDataGiveTheSameWeights() throws IOException {
        Model a = Trainer.train(dir, extra, quiet());
        Model b = Trainer.train(dir, extra, quiet());
        assertArrayEquals(a.weights, b.weights);
        assertArrayEquals(a.combiner, b.combiner);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.write(bytes);
        Model back = Model.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        CivilityScorer original = new CivilityScorer(a);
        CivilityScorer reread = new CivilityScorer(back);
        assertEquals(original.score("you idiot").get(Attribute.TOXICITY),
                reread.score("you idiot").get(Attribute.TOXICITY), 0.01);
    }

    @Test
    void splitsByAFixedHashOfTheText() {
        assertEquals(CivilityData.bucket("the same text"), CivilityData.bucket("the same text"));
        double b = CivilityData.bucket("another text");
        assertTrue(b >= 0 && b < 1);
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
