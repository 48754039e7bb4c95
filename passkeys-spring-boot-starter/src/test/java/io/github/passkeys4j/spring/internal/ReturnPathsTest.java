package io.github.passkeys4j.spring.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a step-up may send the user back, in an app under {@code /portal}: its own paths only. */
class ReturnPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/portal",
                "/portal/",
                "/portal?tab=1",
                "/portal/settings",
                "/portal/settings?tab=money&ids[]=1|2",
                "/portal/a%2Fb",
                "/portal/files/v1.2/report..pdf",
                "/portal/x#top"
            })
    void pathsOfTheAppAreAccepted(String path) {
        assertThat(ReturnPaths.isAppPath(path, "/portal")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "settings",
                "/settings",
                "/portalx/settings",
                "//evil.example/portal/",
                "/\\evil.example",
                "https://evil.example/portal/",
                "/portal/../admin",
                "/portal/..",
                "/portal/%2e%2e/admin",
                "/portal/%2E./admin",
                "/portal/.%2e;jsessionid=1/admin",
                "/portal/./x",
                "/portal/x\\y",
                "/portal/x y",
                "/portal/x\ty",
                "/portal/x\r\nSet-Cookie: a=b"
            })
    void anythingElseIsRefused(String path) {
        assertThat(ReturnPaths.isAppPath(path, "/portal")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/settings?x=/y", "/a%2F%2Fb"})
    void withoutAContextPathEveryPathOfTheSiteIsTheApps(String path) {
        assertThat(ReturnPaths.isAppPath(path, "")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://shop.example/portal/settings?tab=money|ids[]=1#part:/portal/settings?tab=money|ids[]=1",
                "http://localhost:8080/portal:/portal",
                "https://another.example/portal/x:/portal/x"
            })
    void aRefererGivesItsPathAndQuery(String refererAndPath) {
        int split = refererAndPath.lastIndexOf(":/");
        assertThat(ReturnPaths.ofReferer(refererAndPath.substring(0, split), "/portal"))
                .isEqualTo(refererAndPath.substring(split + 1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://shop.example/other/page",
                "https://shop.example",
                "https://shop.example?next=/portal/x",
                "https://shop.example/portal/../admin",
                "/portal/x",
                "about:blank",
                "not a url"
            })
    void aRefererOutsideTheAppGivesNothing(String referer) {
        assertThat(ReturnPaths.ofReferer(referer, "/portal")).isNull();
    }
}
