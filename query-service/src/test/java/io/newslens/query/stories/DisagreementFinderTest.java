package io.newslens.query.stories;

import static io.newslens.query.stories.HandAnnotated.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link DisagreementFinder} on short texts written for each kind of point, and for what must not be a point. */
class DisagreementFinderTest {

    final DisagreementFinder finder = new DisagreementFinder();

    List<DisagreementFinder.Disagreement> find(HandAnnotated... articles) {
        return finder.find(java.util.Arrays.stream(articles).map(HandAnnotated::doc).toList());
    }

    static Set<String> values(DisagreementFinder.Disagreement d) {
        return d.sides().stream().map(DisagreementFinder.Side::value).collect(Collectors.toSet());
    }

    @Test
    void differentDeathTollsAreOnePointWithTheSentencesAndOutletsOfEachSide() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "Harbour Post", "A gas explosion in a market in the old town killed 12 people on Monday evening, "
                        + "the fire brigade said. Rescue teams searched the rubble through the night."),
                article("b", "River Daily", "Rescuers said the explosion at the covered market killed 15 people and wrecked "
                        + "a dozen stalls. The cause of the blast is not yet known to investigators."),
                article("c", "Valley News", "The blast at the market killed twelve people, officials confirmed on Tuesday "
                        + "after a night of searching."));
        assertEquals(1, found.size(), found.toString());
        DisagreementFinder.Disagreement d = found.get(0);
        assertEquals("number", d.kind());
        assertEquals(Set.of("12", "15"), values(d));
        DisagreementFinder.Side twelve = d.sides().get(0);
        assertEquals("12", twelve.value(), "the side more outlets hold comes first");
        assertEquals(List.of("a", "c"), twelve.articleIds());
        assertEquals(List.of("Harbour Post", "Valley News"), twelve.sources());
        assertTrue(twelve.sentences().get(0).text().startsWith("A gas explosion in a market"), twelve.toString());
        assertTrue(d.topic().contains("killed N people") || d.topic().contains("N people"), d.topic());
    }

    @Test
    void rewordedNumbersAndDurationsAreNoPoint() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The drought has left 1,000 farms without water for two weeks, the ministry of agriculture "
                        + "said in its weekly report."),
                article("b", "Two", "According to the agriculture ministry, 1000 farms have had no water for 14 days because "
                        + "of the drought in the south."),
                article("c", "Three", "The ministry said one thousand farms had been without water for a fortnight as the "
                        + "drought dragged on across the region."));
        assertEquals(List.of(), found);
    }

    @Test
    void differentQuantitiesAboutDifferentThingsAreNoPoint() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The storm killed 4 people in the coastal villages and cut power to thousands of homes "
                        + "for the night."),
                article("b", "Two", "The storm injured 30 people in the coastal villages, and the hospitals in the province "
                        + "were full by morning."),
                article("c", "Three", "Emergency services evacuated 250 residents from the coastal villages before the storm "
                        + "made landfall on the island."));
        assertEquals(List.of(), found);
    }

    @Test
    void boundsAndApproximationsDoNotContradictAnExactValue() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The fire destroyed at least 40 houses in the hills above the town, the regional "
                        + "governor said."),
                article("b", "Two", "Firefighters said the blaze destroyed 46 houses in the hills above the town before "
                        + "the wind turned."));
        assertEquals(List.of(), found);
    }

    @Test
    void differentDurationsOfTheSameVisitAreAPoint() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The prime minister will begin a three-day visit to Hanoi on Sunday, her office "
                        + "said in a statement.").name("Hanoi", "e_hanoi", "LOCATION"),
                article("b", "Two", "The prime minister arrived in Hanoi on Sunday for a four-day visit focused on trade "
                        + "and energy.").name("Hanoi", "e_hanoi", "LOCATION"));
        assertEquals(1, found.size(), found.toString());
        assertEquals("duration", found.get(0).kind());
        assertEquals(Set.of("three-day", "four-day"), values(found.get(0)));
        assertTrue(found.get(0).topic().contains("visit"), found.get(0).topic());
    }

    @Test
    void aDurationAfterLastedBelongsToItsSubject() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The strike at the Gdynia container terminal lasted five days before the union "
                        + "reached a deal with the port authority."),
                article("b", "Two", "Cranes in Gdynia moved again on Tuesday after a three-day strike ended with a deal "
                        + "between the union and the port authority."));
        assertEquals(1, found.size(), found.toString());
        assertEquals("duration", found.get(0).kind());
        assertEquals(Set.of("five days", "three-day"), values(found.get(0)));
    }

    @Test
    void twoDifferentRoundFiguresAreAPointButAnExactCountInsideOneAgrees() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "About 4,000 dockworkers at the port of Gdansk walked off the job on Wednesday, "
                        + "halting container traffic."),
                article("b", "Two", "Container terminals in Gdansk stood still on Wednesday as around 4,500 dockworkers "
                        + "walked off the job."),
                article("c", "Three", "Exactly 4,120 dockworkers walked off the job in Gdansk on Wednesday, the union "
                        + "counted, halting container traffic."));
        assertEquals(1, found.size(), found.toString());
        assertEquals("number", found.get(0).kind());
        assertTrue(values(found.get(0)).containsAll(Set.of("about 4000", "around 4500")), found.toString());
    }

    @Test
    void aWeekLongStrikeAndAThreeDayStrikeAreAPoint() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "Dockworkers in Gdansk began a week-long strike against automation on Wednesday, "
                        + "the union said."),
                article("b", "Two", "Dockworkers in Gdansk began a three-day strike against automation on Wednesday."));
        assertEquals(1, found.size(), found.toString());
        assertEquals("duration", found.get(0).kind());
    }

    @Test
    void durationsOfDifferentThingsAfterLastedAreNoPoint() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The power cut in the northern districts lasted five hours on Monday, the grid operator said."),
                article("b", "Two", "Talks between the grid operator and the regulator took three hours on Monday, officials said."));
        assertEquals(List.of(), found.stream().filter(d -> d.kind().equals("duration")).toList());
    }

    @Test
    void differentDaysForTheSameEventAreAPointButAMonthAgreesWithADayInIt() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The old railway bridge over the Sava collapsed on Monday after days of heavy rain, "
                        + "the operator said.").name("Sava", "e_sava", "LOCATION")
                        .temporal("Monday", "2025-03-03", "DATE"),
                article("b", "Two", "The old railway bridge over the Sava collapsed on Sunday after days of heavy rain, "
                        + "police said.").name("Sava", "e_sava", "LOCATION")
                        .temporal("Sunday", "2025-03-02", "DATE"),
                article("c", "Three", "The old railway bridge over the Sava collapsed in March after days of heavy rain, "
                        + "engineers said.").name("Sava", "e_sava", "LOCATION")
                        .temporal("March", "2025-03", "DATE"));
        assertEquals(1, found.size(), found.toString());
        assertEquals("date", found.get(0).kind());
        assertEquals(2, found.get(0).sides().size());
        assertTrue(found.get(0).sides().stream().noneMatch(s -> s.articleIds().contains("c")));
    }

    @Test
    void differentEquipmentInTheSameRoleIsAPoint() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "Veloria was sanctioned in 2019 for buying S-300 air defence systems from Marovia, "
                        + "the foreign ministry said.")
                        .name("Veloria", "e_vel", "LOCATION").name("Marovia", "e_mar", "LOCATION")
                        .name("S-300", "e_s300", "EQUIPMENT", "AIR_DEFENCE").temporal("2019", "2019", "DATE"),
                article("b", "Two", "Veloria was sanctioned in 2019 for buying S-400 air defence systems from Marovia, "
                        + "according to officials.")
                        .name("Veloria", "e_vel", "LOCATION").name("Marovia", "e_mar", "LOCATION")
                        .name("S-400", "e_s400", "EQUIPMENT", "AIR_DEFENCE").temporal("2019", "2019", "DATE"));
        assertEquals(1, found.size(), found.toString());
        assertEquals("equipment", found.get(0).kind());
        assertEquals(Set.of("S-300", "S-400"), values(found.get(0)));
    }

    @Test
    void equipmentBothArticlesNameIsNoPoint() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The navy will buy Type 31 frigates and Astute submarines under the new defence plan "
                        + "announced on Tuesday.")
                        .name("Type 31", "e_t31", "EQUIPMENT", "SHIP").name("Astute", "e_ast", "EQUIPMENT", "SHIP"),
                article("b", "Two", "Under the defence plan announced on Tuesday the navy will buy Astute submarines and, "
                        + "later, Type 31 frigates.")
                        .name("Type 31", "e_t31", "EQUIPMENT", "SHIP").name("Astute", "e_ast", "EQUIPMENT", "SHIP"));
        assertEquals(List.of(), found);
    }

    @Test
    void theSameQuoteGivenToDifferentSpeakersIsAPoint() {
        String q = "we will not let this harbour die while I am in office";
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "\"" + q + ",\" the mayor Ana Brandt told dock workers on Friday at a rally.")
                        .name("Ana Brandt", "e_brandt", "PERSON").quote(q, "e_brandt", "Ana Brandt"),
                article("b", "Two", "Port director Jonas Weil told the rally: \"" + q + ".\" The crowd cheered loudly.")
                        .name("Jonas Weil", "e_weil", "PERSON").quote(q, "e_weil", "Jonas Weil"),
                article("c", "Three", "\"" + q + ",\" said Ana Brandt, the mayor, as the rally ended in the rain.")
                        .name("Ana Brandt", "e_brandt", "PERSON").quote(q, "e_brandt", "Ana Brandt"));
        assertEquals(1, found.size(), found.toString());
        DisagreementFinder.Disagreement d = found.get(0);
        assertEquals("speaker", d.kind());
        assertEquals(Set.of("Ana Brandt", "Jonas Weil"), values(d));
        assertEquals(List.of("a", "c"), d.sides().get(0).articleIds());
    }

    @Test
    void anArticleReportingAChangeTakesNoSide() {
        List<DisagreementFinder.Disagreement> found = find(
                article("a", "One", "The flood killed 9 people in the valley, the regional government said on Monday "
                        + "morning."),
                article("b", "Two", "The flood first killed 9 people in the valley; by evening officials said it had killed "
                        + "11 people in the valley."));
        assertEquals(List.of(), found);
    }

    @Test
    void fewerThanTwoArticlesHaveNothingToDisagreeAbout() {
        assertEquals(List.of(), find(article("a", "One", "The flood killed 9 people in the valley on Monday, "
                + "and later 11 people in the town.")));
    }
}
