package io.newslens.e2e.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.testsupport.TestStack;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The real browser login: the UI's "Log in" link, Keycloak's own login form, and back to the UI. */
final class UiLogin {

    static final String USER = "analyst";
    static final String PASSWORD = "analyst";
    static final String DISPLAY_NAME = "Ana Lyst";

    private UiLogin() {
    }

    static void login(Browser b, String screenshotPrefix) {
        b.open("/");
        WebElement login = b.await(By.id("login"));
        assertEquals("/login", login.getDomAttribute("href"));
        if (screenshotPrefix != null) {
            b.screenshot(screenshotPrefix + "-logged-out");
        }
        login.click();
        WebElement username = b.await(By.id("username"));
        assertTrue(b.driver.getCurrentUrl().startsWith(TestStack.KEYCLOAK_URL + "/realms/newslens/"),
                "the login form is Keycloak's: " + b.driver.getCurrentUrl());
        assertTrue(b.driver.getCurrentUrl().contains("code_challenge="), "the login uses PKCE: " + b.driver.getCurrentUrl());
        username.sendKeys(USER);
        b.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        if (screenshotPrefix != null) {
            b.screenshot(screenshotPrefix + "-keycloak");
        }
        b.driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(b.driver, Browser.WAIT).until(ExpectedConditions.urlContains(TestStack.GATEWAY_URL));
        assertEquals(DISPLAY_NAME, b.await(By.id("user-name")).getText());
    }
}
