package org.perfbridge.web;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.perfbridge.config.EffectiveSetting;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;

/** {@code /api/settings}: each setting's value in force and where it came from; passwords masked. */
@ApplicationScoped
@Path("settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN})
    public String settings() {
        Settings settings = Settings.fromServer();
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Setting setting : Setting.values()) {
            EffectiveSetting effective = settings.effective(setting);
            list.add(JSON.createObjectBuilder()
                    .add("name", setting.propertyName())
                    .add("value", effective.shownValue())
                    .add("source", effective.source().label())
                    .add("environment_variable", setting.environmentName())
                    .add("default", setting.secrecy().shown(setting.defaultValue())));
        }
        return JSON.createObjectBuilder().add("settings", list).build().toString();
    }
}
