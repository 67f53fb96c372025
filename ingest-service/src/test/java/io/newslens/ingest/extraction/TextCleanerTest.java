package io.newslens.ingest.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Plain-text boilerplate removal: chrome goes, real short paragraphs stay, credits move to metadata. */
class TextCleanerTest {

    private final TextCleaner cleaner = new TextCleaner();

    private static final String PARAGRAPH_1 = "The harbour authority said on Tuesday that the new terminal would open in June, "
            + "two months later than planned, because a shipment of cranes had been delayed at sea for several weeks.";
    private static final String PARAGRAPH_2 = "Local businesses said the delay would cost them part of the summer season, "
            + "when cruise passengers usually fill the cafes and shops along the old quay and the market square.";

    @Test
    void removesInterfaceLinesAdsCountersAndNotices() {
        String raw = String.join("\n", "Anzeige", "Skip to main content", "Harbour terminal opening delayed to June", "",
                "Teilen | Drucken | 14 Kommentare", PARAGRAPH_1, "", "SPONSORED", "", PARAGRAPH_2, "", "1.2K", "",
                "Market data provided by Example Feeds Ltd", "Prices delayed by at least 15 minutes.", "Terms of Use");
        TextCleaner.CleanedText cleaned = cleaner.clean(raw);

        assertTrue(cleaned.text().contains(PARAGRAPH_1));
        assertTrue(cleaned.text().contains(PARAGRAPH_2));
        assertTrue(cleaned.text().startsWith("Harbour terminal opening delayed to June"), cleaned.text());
        for (String gone : new String[] {"Anzeige", "Skip to main content", "Drucken", "SPONSORED", "1.2K", "provided by",
            "delayed by at least", "Terms of Use"}) {
            assertFalse(cleaned.text().contains(gone), gone + " survived: " + cleaned.text());
        }
        assertTrue(cleaned.removedLines().contains("Anzeige"));
    }

    @Test
    void keepsRealShortParagraphsQuotesAndDatelines() {
        String raw = String.join("\n", "BERLIN, 3 March 2022 (dpa) –", "", PARAGRAPH_1, "", "“No.”", "", "Why now?", "",
                "The answer, officials said, is money.", "", "Background", "", PARAGRAPH_2);
        String text = cleaner.clean(raw).text();
        for (String kept : new String[] {"BERLIN, 3 March 2022 (dpa) –", "“No.”", "Why now?", "The answer, officials said, is money.",
            "Background"}) {
            assertTrue(text.contains(kept), kept + " was removed: " + text);
        }
    }

    @Test
    void movesPhotoCreditsToMetadata() {
        String raw = String.join("\n", "Cranes stand idle at the new terminal on Monday. Photo: Jane Roe/Harbour Gazette", "",
                PARAGRAPH_1, "", "A ferry leaves the old quay, March 2, 2022. (AP Photo/John Smith)", "", PARAGRAPH_2, "",
                "Image credit: City of Harbourton", "Foto: dpa");
        TextCleaner.CleanedText cleaned = cleaner.clean(raw);

        assertEquals(4, cleaned.photoCredits().size(), cleaned.photoCredits().toString());
        assertFalse(cleaned.text().contains("Photo:"), cleaned.text());
        assertFalse(cleaned.text().contains("AP Photo"), cleaned.text());
        assertFalse(cleaned.text().contains("Image credit"), cleaned.text());
        assertTrue(cleaned.text().contains(PARAGRAPH_1));
    }

    @Test
    void aSentenceAboutAPhotoIsNotACredit() {
        String sentence = "The minister showed reporters a photo by his cousin, taken at the border in 2019.";
        TextCleaner.CleanedText cleaned = cleaner.clean(PARAGRAPH_1 + "\n\n" + sentence);
        assertTrue(cleaned.text().contains(sentence));
        assertTrue(cleaned.photoCredits().isEmpty(), cleaned.photoCredits().toString());
    }

    @Test
    void removesVideoPlayerTimestampWithItsTitleAndRepeatedLabels() {
        String raw = String.join("\n", PARAGRAPH_1, "", "03:12", "", "Watch the cranes arrive at the new harbour terminal", "",
                "Watch the cranes arrive at the new harbour terminal", "", PARAGRAPH_2, "", "Read more: Ferry fares to rise in May",
                "", "LESEN SIE AUCH DIE ANDEREN BERICHTE ZUM HAFEN");
        String text = cleaner.clean(raw).text();
        assertFalse(text.contains("03:12"));
        assertFalse(text.contains("Watch the cranes"), text);
        assertFalse(text.contains("Read more"), text);
        assertFalse(text.contains("LESEN SIE AUCH"), text);
        assertTrue(text.contains(PARAGRAPH_2));
    }

    @Test
    void aPullQuoteRepeatingABodySentenceStaysOnce() {
        String quote = "“We will not open a terminal that is not safe,” the director said.";
        String text = cleaner.clean(PARAGRAPH_1 + "\n\n" + quote + "\n\n" + PARAGRAPH_2 + "\n\n" + quote).text();
        assertEquals(1, text.split(java.util.regex.Pattern.quote(quote), -1).length - 1, text);
    }

    @Test
    void removesPromotionBlocksWithACallToAction() {
        String raw = String.join("\n", "Harbour news", "Get the app for breaking alerts", "Stories from your port, every morning",
                "Learn more", "", "Harbour terminal opening delayed to June", "", PARAGRAPH_1);
        String text = cleaner.clean(raw).text();
        assertFalse(text.contains("Learn more"));
        assertFalse(text.contains("Get the app"));
        assertTrue(text.startsWith("Harbour terminal opening delayed to June"), text);
    }

    @Test
    void paragraphsStaySeparatedByABlankLine() {
        String text = cleaner.clean(PARAGRAPH_1 + "\n\n\n\nAdvertisement\n\n\n" + PARAGRAPH_2).text();
        assertEquals(PARAGRAPH_1 + "\n\n" + PARAGRAPH_2, text);
    }
}
