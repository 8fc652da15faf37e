package org.tumorboard.systemtest;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stack's Keycloak through its admin API (the local bootstrap admin, as bin/keycloak creates it). */
final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    static String token(String keycloakUrl) {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(keycloakUrl + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    /**
     * A user of the tumorboard realm made for one test, signing in with their name as password: the realm roles, the
     * groups (by path, e.g. {@code /site-HUB}) and the user's own attributes given. User attributes outside the realm's
     * user profile are kept only when the profile lets administrators edit unmanaged attributes; this turns that on.
     */
    static String user(String name, List<String> realmRoles, List<String> groups, Map<String, List<String>> attributes) {
        String base = SystemStack.get().keycloakUrl() + "/admin/realms/tumorboard";
        String admin = token(SystemStack.get().keycloakUrl());
        if (!attributes.isEmpty()) {
            Map<String, Object> profile = given().auth().oauth2(admin).get(base + "/users/profile").then().statusCode(200)
                    .extract().jsonPath().getMap("");
            profile.put("unmanagedAttributePolicy", "ADMIN_EDIT");
            given().auth().oauth2(admin).contentType("application/json").body(profile).put(base + "/users/profile").then().statusCode(200);
        }
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", name);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("email", name + "@tumorboard.example");
        user.put("firstName", "Test");
        user.put("lastName", name);
        user.put("groups", groups);
        user.put("attributes", attributes);
        user.put("credentials", List.of(Map.of("type", "password", "value", name, "temporary", false)));
        String location = given().auth().oauth2(admin).contentType("application/json").body(user).post(base + "/users").then()
                .statusCode(201).extract().header("Location");
        List<Map<String, Object>> roles = realmRoles.stream()
                .map(role -> given().auth().oauth2(admin).get(base + "/roles/" + role).then().statusCode(200).extract().jsonPath()
                        .<String, Object>getMap(""))
                .toList();
        given().auth().oauth2(admin).contentType("application/json").body(roles).post(location + "/role-mappings/realm").then()
                .statusCode(204);
        return name;
    }
}
