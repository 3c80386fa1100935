package org.parley.web.demo;

/**
 * The demo article, written by the Parley team for this demo: a short, neutral explainer. Trusted
 * HTML (ours, not user input).
 */
final class DemoArticle {

    static final String TITLE = "Moscow and Baku sign a declaration of alliance: what it means for Armenia";

    static final String HTML = """
            <p>On 22 February 2022, two days before Russia's full-scale invasion of Ukraine, the presidents of \
            Russia and Azerbaijan, Vladimir Putin and Ilham Aliyev, signed a <em>Declaration on Allied Interaction</em> \
            in Moscow. The document lifts relations between the two states to the level of an alliance: the sides \
            promise to consult each other on security, to refrain from steps that would harm the other's interests, \
            and to expand cooperation in defence, energy, trade and transport.</p>
            <p>The declaration does not create a mutual defence obligation of the kind Armenia has through the \
            Collective Security Treaty Organization (CSTO), but its symbolism is strong. Russia was, at that time, \
            Armenia's formal military ally and the guarantor of the November 2020 ceasefire that ended the second \
            war over Nagorno-Karabakh, with Russian peacekeepers deployed in the region. A Moscow-led alliance now \
            counted both sides of the conflict among its partners.</p>
            <p>For Armenia the declaration raised three questions. First, how far would Moscow go to restrain Baku \
            if fighting resumed? Second, what would become of the transport links through southern Armenia that the \
            2020 ceasefire statement had promised to unblock, and under whose control? Third, could Yerevan still \
            rely on the CSTO at all?</p>
            <p>The following years gave partial answers. In September 2022 fighting broke out along the \
            Armenia–Azerbaijan border, and Armenia's request for CSTO assistance did not lead to military support. \
            In September 2023 Azerbaijan took control of Nagorno-Karabakh in a one-day offensive, after which most of \
            the region's Armenian population left for Armenia. In 2024 Armenia's government said it had frozen its \
            participation in the CSTO and began to look for other partners.</p>
            <p>Supporters of the declaration in Baku and Moscow present it as a normal step between neighbours. \
            Critics in Yerevan read it as a sign that Russia had chosen the stronger party. Both readings agree on \
            one point: the balance of power in the South Caucasus shifted, and Armenia's foreign policy is still \
            adjusting to it.</p>
            """;

    private DemoArticle() {}
}
