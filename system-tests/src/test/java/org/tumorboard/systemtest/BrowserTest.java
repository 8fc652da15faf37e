package org.tumorboard.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app (#12) in a real browser: Debian's headless Chromium, driven through chromedriver. Each user signs in on
 * Keycloak's page and does their task through the screens; a screenshot of each screen is saved in
 * {@code system-tests/target/screenshots} (a build artifact).
 */
@Order(2)
class BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    private WebDriver browser;

    private WebDriver open(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--user-data-dir=" + tempDir());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"))).build();
        browser = new ChromeDriver(service, options);
        return browser;
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String user) {
        browser.get(SystemStack.get().webUrl() + "/");
        waitFor(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(SystemStack.get().webUrl()));
    }

    @Test
    void aCoordinatorRefersACaseThroughTheScreens() {
        open(1280, 900);
        signIn("coord-north");
        shot("coordinator-home");
        browser.get(SystemStack.get().webUrl() + "/referrals/new");
        Patients.Identity patient = Patients.next();
        Map<String, String> text = Map.of("patient.mrn", patient.mrn(), "patient.givenName", patient.givenName(),
                "patient.familyName", patient.familyName(), "clinicalQuestion", "Large retroperitoneal mass",
                "imaging.greatestDimensionCm", "500");
        text.forEach((id, value) -> browser.findElement(By.id(id)).sendKeys(value));
        date("patient.birthDate", patient.birthDate());
        date("imaging.ctAbdomenPelvisDate", LocalDate.now().minusDays(2));
        date("imaging.chestImaging.date", LocalDate.now().minusDays(2));
        choose("referringSite", "SPOKE-NORTH");
        choose("patient.sex", "FEMALE");
        choose("neoadjuvantConsidered", "true");
        choose("imaging.chestImaging.modality", "CT");
        // Checked as typed: 500 cm is out of the field's range before anything is sent.
        assertEquals(Boolean.FALSE, js("return document.getElementById('imaging.greatestDimensionCm').validity.valid"));
        shot("referral-form-invalid-size");
        WebElement size = browser.findElement(By.id("imaging.greatestDimensionCm"));
        size.clear();
        size.sendKeys("22");
        assertEquals(Boolean.TRUE, js("return document.querySelector('form.referral').checkValidity()"));
        shot("referral-form");
        browser.findElement(By.cssSelector("form.referral button[type=submit]")).click();
        waitForText("Referral received");
        assertTrue(browser.getPageSource().contains("A biopsy is indicated"));
        shot("referral-received");
        browser.findElement(By.linkText("Open the case")).click();
        waitForText("Timeline");
        assertTrue(browser.getPageSource().contains(patient.mrn()));
        shot("case-page");
        browser.get(SystemStack.get().webUrl() + "/cases");
        waitForText("Cases of SPOKE-NORTH");
        shot("cases");
        browser.manage().window().setSize(new Dimension(768, 1024));
        browser.navigate().refresh();
        waitForText("Cases of SPOKE-NORTH");
        Number overflow = (Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow.intValue() <= 0, "no sideways scrolling at tablet width: " + overflow);
        shot("cases-tablet");
    }

    @Test
    void aSpokeCoordinatorCannotOpenAnotherSitesCase() {
        Patients.Identity patient = Patients.next();
        String northCase = SystemStack.get().webUrl() + "/cases/" + Api.as("coord-north", SystemStack.Service.INTAKE)
                .body(Patients.referral("SPOKE-NORTH", patient, 9.0)).post("/api/referrals").then().statusCode(201)
                .extract().path("caseId");
        open(1280, 900);
        signIn("coord-south");
        browser.get(northCase);
        waitForText("no such case");
        shot("another-sites-case");
        assertFalse(browser.getPageSource().contains(patient.mrn()) || browser.getPageSource().contains(patient.familyName()),
                "no identity shown");
        browser.get(SystemStack.get().webUrl() + "/cases");
        waitForText("Cases of SPOKE-SOUTH");
        assertFalse(browser.getPageSource().contains(northCase.substring(northCase.lastIndexOf('/') + 1, northCase.lastIndexOf('/') + 9)),
                "not in south's list");
    }

    private void date(String id, LocalDate date) {
        js("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }

    private void choose(String id, String value) {
        new Select(browser.findElement(By.id(id))).selectByValue(value);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(by));
    }

    private void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains(text));
    }

    private void shot(String name) {
        try {
            Files.createDirectories(SHOTS);
            File png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("chromium-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
