package org.parley.moderation.civility.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
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
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.CivilityScores;
import org.parley.moderation.civility.Model;

/**
 * Trains on a small data directory laid out like the shared data sets (written here, so the test
 * needs no shared data) and checks that the model learns, calibrates and is reproducible.
 */
class TrainerTest {
    @TempDir
    static Path dir;

    static Path extra;

    private static final String[] RUDE = {
        "you are an idiot",
        "shut up you moron",
        "what a stupid fool you are",
        "you pathetic loser",
        "go to hell idiot",
        "you are a dumb clown",
        "stupid moron",
        "idiot idiot idiot"
    };
    private static final String[] CIVIL = {
        "thanks for the article",
        "the council meets on tuesday",
        "i disagree with the figures in the report",
        "the bridge opens next year",
        "good point about the budget",
        "the library has new opening hours",
        "the vote was close",
        "the match ended in a draw"
    };

    @BeforeAll
    static void writeData() throws IOException {
        List<String> jigsaw = new ArrayList<>(
                List.of("id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate,split_hint"));
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
        write(
                "civil_comments_toxic_spans_comments.csv",
                List.of("comment_id,comment_text", "1,\"you idiot, really\"", "2,\"a calm remark about taxes\""));
        write(
                "civil_comments_toxic_spans_annotations.csv",
                List.of(
                        "annotation,comment_id,worker,country,all toxic,not toxic",
                        "0,1,7,USA,False,False",
                        "1,2,8,USA,False,True"));
        write("civil_comments_toxic_spans_spans.csv", List.of("annotation,type,start,end", "0,Insult,4,9"));
        write(
                "davidson_tweets.csv",
                List.of(",count,hate_speech,offensive_language,neither,class,tweet", "0,3,0,0,3,2,nice weather today"));
        write(
                "hatexplain_preprocessed.csv",
                List.of(
                        "text,rationale_pos,label,label_gender,label_religion,label_race,label_economic,label_minority",
                        "a normal post,,0,0,0,0,0,0"));
        write("toxigen_seed_statements.csv", List.of("text,hateful,target_group", "people from there are lovely,0,x"));
        write(
                "threatgram101_labeled.csv",
                List.of(
                        "text,Label,replyDate,telegramChannel",
                        "\"hang them all\",2,1,c",
                        "\"impeach him now\",1,2,c",
                        "\"nice speech today\",0,3,c"));
        write(
                "implicit_hate_stg1_posts.csv",
                List.of(
                        "text,class",
                        "they are all the same those people,implicit_hate",
                        "the parade is on sunday,not_hate"));
        write(
                "implicit_hate_stg2_posts.csv",
                List.of(
                        "text,implicit_class,extra_implicit_class",
                        "they are all the same those people,stereotypical,"));
        write(
                "sbic_v2_agg_dev_tst.csv",
                List.of(
                        "text,targetMinority,targetCategory,targetStereotype,whoTarget,intentYN,"
                                + "sexYN,offensiveYN,dataSource,hasBiasedImplication,source_split",
                        "a joke about a group,[],[],[],1.0,1.0,0.0,1.0,t,0,dev",
                        "a post about lunch,[],[],[],,0.0,0.0,0.0,t,1,tst"));
        write(
                "convabuse.csv",
                List.of(
                        "text,source_split,abusive_majority,votes_intellectual",
                        "you are so dumb,train,1,2",
                        "what is the weather,test,0,0"));
        write(
                "de_germeval2018_offense.csv",
                List.of(
                        "text,coarse_label,fine_label,lang,source_split",
                        "du bist ein vollidiot,OFFENSE,INSULT,de,training",
                        "schönes wetter heute,OTHER,OTHER,de,test"));
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
    void runWritesTheModelToOutAndReturnsZero(@TempDir Path out) throws IOException {
        Path file = out.resolve("sub/model.bin.gz");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {
            "--data", dir.toString(), "--extra", extra.toString(), "--semantic", "false", "--out", file.toString()
        };
        int status = Trainer.run(
                args,
                new PrintStream(log, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(
                log.toString(StandardCharsets.UTF_8).contains("wrote " + file), log.toString(StandardCharsets.UTF_8));
        try (var in = Files.newInputStream(file)) {
            assertEquals(Model.HEADS, Model.read(in).bias.length);
        }
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
        Model back = Model.read(new ByteArrayInputStream(bytes.toByteArray()));
        CivilityScorer original = new CivilityScorer(a);
        CivilityScorer reread = new CivilityScorer(back);
        assertEquals(
                original.score("you idiot").get(Attribute.TOXICITY),
                reread.score("you idiot").get(Attribute.TOXICITY),
                0.01);
    }

    @Test
    void semanticStageIsTrainedReproduciblyAndSurvivesTheFile() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(dir.resolve("embeddings.bin"));
        Model a = Trainer.train(dir, List.of(extra), cache, 8, 3, quiet());
        Model b = Trainer.train(dir, List.of(extra), EmbeddingCache.open(dir.resolve("embeddings.bin")), 8, 3, quiet());
        assertTrue(a.semantic != null);
        assertArrayEquals(a.semantic.w2, b.semantic.w2);
        assertArrayEquals(a.semantic.stack, b.semantic.stack);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.write(bytes);
        Model back = Model.read(new ByteArrayInputStream(bytes.toByteArray()));
        CivilityScorer original = new CivilityScorer(a, cache::embed);
        CivilityScorer reread = new CivilityScorer(back, cache::embed);
        assertTrue(reread.semantic());
        String text = "what a pathetic clown you are";
        assertEquals(original.score(text).uncivil(), reread.score(text).uncivil(), 1e-6);
        assertTrue(original.score(text).uncivil()
                > original.score("the library opens on monday at nine").uncivil());
    }

    @Test
    void toxiGenNeverTrainsShippedWeights() {
        List<CivilityData.Example> all = CivilityData.trainingSources(dir, List.of(extra));
        assertTrue(all.stream().noneMatch(e -> e.source().equals(CivilityData.TOXIGEN)));
        assertTrue(CivilityData.toxigen(dir).stream().allMatch(e -> e.split() == CivilityData.Split.TEST));
    }

    @Test
    void newSourcesTeachThreatIdentityAttackAndBelittling() {
        CivilityData.Example threat = CivilityData.threatgram(dir).get(0);
        assertTrue(threat.is(Attribute.THREAT));
        assertTrue(CivilityData.threatgram(dir).get(1).has(Attribute.THREAT));
        assertFalse(CivilityData.threatgram(dir).get(1).is(Attribute.THREAT));
        CivilityData.Example stereotype = CivilityData.implicitHate(dir).get(0);
        assertTrue(stereotype.is(Attribute.IDENTITY_ATTACK));
        assertFalse(CivilityData.implicitHate(dir).get(1).is(Attribute.IDENTITY_ATTACK));
        assertTrue(CivilityData.sbic(dir).get(0).is(Attribute.IDENTITY_ATTACK));
        assertEquals(CivilityData.Split.TEST, CivilityData.sbic(dir).get(1).split());
        assertTrue(CivilityData.convAbuse(dir).get(0).is(Attribute.ATTACK_ON_PERSON));
        CivilityData.Example german = CivilityData.germEval(dir).get(0);
        assertTrue(german.is(Attribute.INSULT));
        assertEquals("de", CivilityData.language(german));
    }

    @Test
    void ownFilesAreReadByTheirHeader() throws IOException {
        Path f = dir.resolve("own-2.tsv");
        Files.write(
                f,
                List.of(
                        "# comment",
                        "dismissive\tthreat\tidentity_attack\tuncivil\tlang\tkind\ttext",
                        "0\t1\t0\t1\ten\tthreat\tsomeone will visit your house tonight",
                        "0\t0\t0\t0\tde\tcivil\tder Artikel ist gut"),
                StandardCharsets.UTF_8);
        List<CivilityData.Example> rows = CivilityData.extra(f);
        assertTrue(rows.get(0).is(Attribute.THREAT));
        assertTrue(rows.get(0).is(Attribute.TOXICITY));
        assertFalse(rows.get(1).is(Attribute.UNCIVIL));
        assertTrue(rows.get(1).has(Attribute.INSULT));
        assertEquals("de", CivilityData.language(rows.get(1)));
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
