package io.otcrouter.testsupport.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's answer to one plain HTTP request of a test, its body read as text and, when asked, as JSON. */
public record Reply(HttpResponse<String> response) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Sends {@code request} and waits for the answer; I/O failures and interruption are the test's failure. */
    public static Reply send(HttpClient http, HttpRequest request) {
        try {
            return new Reply(http.send(request, BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String body() {
        return response.body();
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    public JsonNode json() {
        return JSON.readTree(body());
    }

    /** The problem's detail and its list of errors, if any. */
    public String detail() {
        JsonNode problem = json();
        return problem.path("detail").asString() + " " + problem.path("errors");
    }
}
