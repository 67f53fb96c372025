package io.newslens.e2e.ui;

import static io.restassured.RestAssured.given;

import io.newslens.e2e.Articles;
import io.newslens.testsupport.Tokens;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The browser tests' own articles, put in through the API. Every run invents its own event (a town, people, an
 * organisation and figures drawn from small lists by a random seed) and tags the articles with a unique marker,
 * so runs against the same long-lived test stack neither collide in search nor look like near duplicates.
 */
final class UiData {

    private static final String[] TOWNS = {"Lakeport", "Brennick", "Ostervale", "Marlow Bay", "Kessington", "Aldwater",
        "Fenmore", "Calloway", "Durnholm", "Westrick", "Harlan Point", "Selbourne"};
    private static final String[] MAYORS = {"Elena Brandt", "Pieter Vos", "Amara Okafor", "Lucia Ferreira", "Henrik Dahl",
        "Sofia Marchetti", "Tomasz Wrona", "Ingrid Holm", "Rafael Ortega", "Nadia Petrova", "Colm Brennan", "Yuki Tanaka"};
    private static final String[] LEADERS = {"Tomas Reyes", "Greta Lindqvist", "Samuel Adeyemi", "Mireille Laurent",
        "Jonas Eklund", "Carmen Iglesias", "Dmitri Volkov", "Aoife Kelly", "Bruno Costa", "Hana Novak", "Emeka Obi", "Lena Fischer"};
    private static final String[] COMPANIES = {"Northline Ferries", "Bayside Transit", "Harbourlink", "Crestwater Shipping",
        "Bluewake Lines", "Tidewell Marine", "Seagate Ferries", "Portway Transport"};

    final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String town;
    final String mayor;
    final String leader;
    final String company;
    final int workers;
    final List<String> storyIds = new ArrayList<>();
    final Map<String, String> outletOfArticle = new LinkedHashMap<>();

    UiData() {
        Random random = new Random(marker.hashCode());
        town = TOWNS[random.nextInt(TOWNS.length)];
        mayor = MAYORS[random.nextInt(MAYORS.length)];
        leader = LEADERS[random.nextInt(LEADERS.length)];
        company = COMPANIES[random.nextInt(COMPANIES.length)];
        workers = 600 + 100 * random.nextInt(10);
    }

    /** Three outlets on the same event, disagreeing on how long the strike lasted and how many workers joined it. */
    List<String> postStory() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String first = post("Ferry strike ends in " + town + " after talks with the mayor",
                town + " Courier", now.minus(5, ChronoUnit.HOURS),
                "Ferry strike ends in " + town + " after talks with the mayor\n\n"
                        + "Mayor " + mayor + " met union leader " + leader + " in " + town + " on Monday to end the ferry strike "
                        + "that had stopped crossings for three days. About " + workers + " workers of " + company
                        + " joined the walkout. \"We have an agreement that protects every crew,\" " + leader
                        + " said after the meeting at the town hall. " + mayor + " said the council would pay for new safety "
                        + "equipment on the " + company + " fleet. Reference " + marker + ".");
        String second = post(company + " crews return to work as " + town + " dispute is settled",
                "Lake Daily", now.minus(4, ChronoUnit.HOURS),
                company + " crews return to work as " + town + " dispute is settled\n\n"
                        + "The strike at " + company + " in " + town + " lasted five days before " + leader
                        + ", who leads the ferry workers' union, reached a deal with Mayor " + mayor + " on Monday. "
                        + "Some " + (workers + 300) + " crew members had refused to sail. \"The ferries will run again "
                        + "tomorrow morning,\" " + mayor + " told reporters. The union had demanded better safety "
                        + "equipment. Reference " + marker + ".");
        String third = post("Ferries sail again in " + town,
                "Riverside Post", now.minus(3, ChronoUnit.HOURS),
                "Ferries sail again in " + town + "\n\n"
                        + "Ferries of " + company + " sailed again on Tuesday after a three-day strike ended with an agreement "
                        + "between Mayor " + mayor + " and union leader " + leader + ". \"Nobody wanted this to last,\" "
                        + leader + " said. The council in " + town + " will fund safety equipment for the crews. "
                        + "Reference " + marker + ".");
        return List.of(first, second, third);
    }

    /** One more article on the same event, for the live alert. */
    String postLate() {
        return post("Late news: " + town + " ferry timetable restored", "Lake Daily", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                "Late news: " + town + " ferry timetable restored\n\n" + company + " restored its full timetable in " + town
                        + " on Wednesday, a day after the strike led by " + leader + " ended. Reference " + marker + ".");
    }

    String post(String title, String source, Instant publishedAt, String text) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", title);
        article.put("text", text);
        article.put("source", Map.of("name", source, "domain", source.toLowerCase().replaceAll("[^a-z]+", "") + ".example"));
        article.put("publishedAt", publishedAt.toString());
        article.put("language", "en");
        String id = Articles.post(article);
        outletOfArticle.put(id, source);
        return id;
    }

    static void awaitSearchable(List<String> ids) {
        for (String id : ids) {
            Articles.awaitSearchable(id, Duration.ofSeconds(180));
        }
    }

    /** The article as the API gives it, to compare the page with. */
    static JsonPath article(String id) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get("/api/v1/articles/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The HTTP status of a GET through the gateway as an analyst (to tell a missing endpoint from a failure). */
    static int status(String path) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get(path).then().extract().statusCode();
    }

    static JsonPath get(String path) {
        return given().auth().oauth2(Tokens.forRole("analyst")).get(path).then().statusCode(200).extract().jsonPath();
    }
}
