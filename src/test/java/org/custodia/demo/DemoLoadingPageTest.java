package org.custodia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * While the demo loads in the background, the service answers at once: pages with the progress, the API with 503
 * {@code loading}, the health check out of service; afterwards everything as usual. The load itself runs before the
 * server opens in the tests, so this test puts the progress in each state and asks the running service.
 */
@IntegrationTest
class DemoLoadingPageTest {
    @Autowired
    DemoProgress progress;
    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void loaded() {
        progress.done();
    }

    HttpResponse<String> get(String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void loading(int loaded, int total) {
        progress.start(total);
        progress.loaded(loaded);
    }

    @Nested
    class WhileLoading {
        @Test
        void aPageShowsTheProgressInSpanishAndReloadsItself() throws Exception {
            loading(20_000, 47_780);
            HttpResponse<String> page = get("/login", null);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(page.body()).contains("Cargando los datos de demostración")
                    .contains("<progress id=\"loading-progress\" value=\"20000\" max=\"47780\">")
                    .contains("http-equiv=\"refresh\"");
        }

        @Test
        void aBrowserAskingForEnglishGetsEnglish() throws Exception {
            loading(5_000, 47_780);
            assertThat(get("/", "en-GB,en;q=0.8").body()).contains("Loading the demo data");
        }

        @Test
        void theApiAnswers503Loading() throws Exception {
            loading(5_000, 47_780);
            HttpResponse<String> api = get("/api/facilities", null);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"code\":\"loading\"").contains("5000 of 47780");
        }

        @Test
        void styleSheetsStayReachableAndHealthIsOutOfService() throws Exception {
            loading(0, 47_780);
            assertThat(get("/css/custodia.css", null).statusCode()).isEqualTo(200);
            HttpResponse<String> health = get("/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("OUT_OF_SERVICE");
        }

        @Test
        void aFailedLoadSaysSoAndHealthIsDown() throws Exception {
            loading(0, 47_780);
            progress.failed();
            HttpResponse<String> page = get("/login", null);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("id=\"loading-failed\"").doesNotContain("http-equiv=\"refresh\"");
            assertThat(get("/actuator/health", null).body()).contains("DOWN");
        }
    }

    @Nested
    class OnceLoaded {
        @Test
        void pagesApiAndHealthAnswerAsUsual() throws Exception {
            loading(47_780, 47_780);
            progress.done();
            assertThat(get("/login", null).statusCode()).isEqualTo(200);
            assertThat(get("/api/facilities", null).statusCode()).isEqualTo(401);
            assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        }
    }
}
