package io.otcrouter.otcpool;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OtcPoolApplication {

    public static void main(String[] args) {
        SpringApplication.run(OtcPoolApplication.class, args);
    }
}
