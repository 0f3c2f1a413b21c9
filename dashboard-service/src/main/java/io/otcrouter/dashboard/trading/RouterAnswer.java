package io.otcrouter.dashboard.trading;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * router-service's answer, passed through to the browser unchanged: a decision as JSON, or a refusal as
 * {@code application/problem+json} that the page shows as readable text.
 */
record RouterAnswer(HttpStatusCode status, MediaType contentType, String body) {
}
