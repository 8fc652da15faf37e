package org.tumorboard.fhir.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * An FHIR package from the npm registry, pinned by the SHA-512 the registry publishes for it (its {@code integrity}),
 * fetched once into a cache directory and checked against that digest every time it is used (issue 23, item 4).
 */
public record FhirPackage(String name, String version, String sha512) {

    /** mCODE STU4, the profiles our export claims. */
    public static final FhirPackage MCODE = new FhirPackage("hl7.fhir.us.mcode", "4.0.0",
            "HJogFi9rQetIUE8gqKFq2tt4I8ukdH3PUCQO5jBiKxYUgh+vrlXvkWkt/XuYOzpNPdfRmsj3LG4UJm5o1g2OlA==");
    /** HL7's terminology (THO): mCODE names 6.2.0; the registry serves 7.0.1 only. */
    public static final FhirPackage TERMINOLOGY = new FhirPackage("hl7.terminology.r4", "7.0.1",
            "UamZUcARk/TEaJb7X0hDyANmC7bCv0Jof0u0uGIOB2O9VQX0uV45Vf4EyONHM6Sejv6q7sXEAzKAQsgw1Cld3A==");
    /** Genomics reporting: mCODE names 2.0.0; the registry serves 3.0.0 only. */
    public static final FhirPackage GENOMICS_REPORTING = new FhirPackage("hl7.fhir.uv.genomics-reporting", "3.0.0",
            "XNjaWxZ7ZJ3pb7FuMxNqgGjPtssigYADLNEOcAYRV2niLABCMapDdIjPy+exTfCCZGd6SOuvezNizbCtAze3IA==");
    /** The extensions pack: mCODE names 5.2.0; the registry serves 5.3.0-ballot-tc1 only. */
    public static final FhirPackage EXTENSIONS = new FhirPackage("hl7.fhir.uv.extensions.r4", "5.3.0-ballot-tc1",
            "mhPmWj0dZvIC7JQLkqxT42/UpoIyYwFtSiIZbhX/ArfX96hR5oTqNvAUvMD+dMH45m4mGMQ19WyCZFpP1OLEbQ==");

    /** Every package the validator loads, mCODE last (its profiles build on the others). */
    public static final List<FhirPackage> ALL = List.of(TERMINOLOGY, EXTENSIONS, GENOMICS_REPORTING, MCODE);

    private static final String REGISTRY = System.getProperty("tumorboard.fhir.registry", "https://registry.npmjs.org");

    /** Where fetched packages are kept: {@code tumorboard.fhir.packages}, or ~/.cache/tumorboard/fhir-packages. */
    static Path cache() {
        String configured = System.getProperty("tumorboard.fhir.packages");
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "tumorboard", "fhir-packages");
    }

    public URI tarball() {
        return URI.create(REGISTRY + "/" + name + "/-/" + name + "-" + version + ".tgz");
    }

    /** The package's .tgz, fetched if not cached yet; refused when its digest is not the pinned one. */
    public Path file() {
        Path file = cache().resolve(name + "-" + version + ".tgz");
        try {
            if (Files.exists(file) && sha512Of(file).equals(sha512)) {
                return file;
            }
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), name, ".part");
            try {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20))
                        .build();
                HttpResponse<Path> response = http.send(HttpRequest.newBuilder(tarball()).timeout(Duration.ofMinutes(3)).build(),
                        HttpResponse.BodyHandlers.ofFile(part));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(tarball() + " answered " + response.statusCode());
                }
                String actual = sha512Of(part);
                if (!actual.equals(sha512)) {
                    throw new IllegalStateException(tarball() + " has sha512-" + actual + ", not the pinned sha512-" + sha512);
                }
                return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part); // gone after the move; left by a failure otherwise
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not fetch " + tarball(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted fetching " + tarball(), e);
        }
    }

    static String sha512Of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
