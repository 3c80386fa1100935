package org.parley.web.demo;

import java.util.List;

/**
 * The demo thread: civil replies, sharp but civil disagreement, and hostile replies (dismissive,
 * mocking, attacking the commenter) that screening should hold. {@code parent} is the index of an
 * earlier reply, or -1 for a top-level comment.
 */
final class DemoThread {

    record Reply(String author, int parent, String text) {}

    static final List<Reply> REPLIES = List.of(
            new Reply(
                    "Anahit",
                    -1,
                    "Clear summary. The timing, two days before the invasion of Ukraine, says a lot about "
                            + "what Moscow wanted from Baku at that moment."),
            new Reply(
                    "Farid",
                    0,
                    "I strongly disagree that the timing was the point. The sides had been preparing this "
                            + "document for a long time; energy and transit mattered more than the war."),
            new Reply(
                    "Anahit",
                    1,
                    "Fair enough, but the signature date was still a choice. Do you have a source for the "
                            + "drafting timeline? I would like to read it."),
            new Reply(
                    "Tigran",
                    -1,
                    "The article should mention that the 2020 statement already promised to unblock "
                            + "transport links. The declaration only repeated that language."),
            new Reply(
                    "Marco",
                    3,
                    "Good point. The 2020 text is short and vague on who controls the route, which is "
                            + "exactly why it is still disputed."),
            new Reply("troll_hunter", 3, "Yeah cool story man"),
            new Reply(
                    "Lena",
                    -1,
                    "What I miss here is the economic side: Armenia's trade still depends heavily on Russia, "
                            + "so freezing the CSTO is not the same as leaving Moscow's orbit."),
            new Reply("kars1921", 6, "Talk trash then move onto the next article"),
            new Reply(
                    "Lena",
                    6,
                    "To add numbers: Russia remained Armenia's largest trading partner in 2023, and trade "
                            + "actually grew after 2022."),
            new Reply(
                    "Davit",
                    -1,
                    "I disagree with the conclusion. Armenia looked for other partners long before 2024; "
                            + "the article makes it sound sudden."),
            new Reply("geo_realist", 9, "According to you Iran and Armenia is the same country. What is stopping you?"),
            new Reply(
                    "Sara",
                    9,
                    "The EU monitoring mission started in 2023, which supports your point that the shift "
                            + "was gradual."),
            new Reply(
                    "Ruslan",
                    -1,
                    "Nobody with a brain takes this kind of article seriously. Go back to school before "
                            + "you write about the Caucasus."),
            new Reply(
                    "Nina",
                    -1,
                    "The offensive killed hundreds of soldiers on both sides in September 2022; it is "
                            + "worth remembering the human cost behind these documents."),
            new Reply("Farid", 13, "Agreed. Whatever one thinks of the politics, the losses were real on both sides."),
            new Reply("quickreply", 13, "lol ok whatever, keep crying about it"),
            new Reply(
                    "Arman",
                    -1,
                    "Is the full text of the declaration available in English? I could only find " + "summaries."),
            new Reply(
                    "Marco",
                    16,
                    "The Kremlin published it in Russian; several think tanks have unofficial English "
                            + "translations."),
            new Reply("Hovik", 16, "You clearly have no idea what you are talking about, as usual. Pathetic."),
            new Reply(
                    "Tigran",
                    -1,
                    "The CSTO point deserves its own article: a freeze is not a formal withdrawal, and "
                            + "the legal difference matters."));

    private DemoThread() {}
}
