package io.otcrouter.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.otcrouter.dashboard.TestUsers.TestUser;
import io.otcrouter.testsupport.browser.BrowserSession;

/** Signs a browser in the way a person does: the sign-in page, name, password, the button. */
public final class BrowserSignIn {

    private BrowserSignIn() {
    }

    /** Returns once the dashboard has taken the browser past the sign-in page. */
    public static void signIn(BrowserSession browser, TestUser user) {
        browser.open("/login");
        WebDriver driver = browser.driver();
        driver.findElement(By.id("username")).sendKeys(user.name());
        driver.findElement(By.id("password")).sendKeys(user.password());
        driver.findElement(By.id("sign-in")).click();
        browser.until(d -> !d.getCurrentUrl().contains("/login")
                && !d.findElements(By.id("signed-in-user")).isEmpty());
    }
}
