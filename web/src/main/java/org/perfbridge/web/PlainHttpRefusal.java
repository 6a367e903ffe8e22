package org.perfbridge.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;

/** With {@code api.https_only} set, answers 403 to every request that did not come over TLS. */
@Provider
@PreMatching
public class PlainHttpRefusal implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getSecurityContext().isSecure() && Settings.fromServer().flag(Setting.API_HTTPS_ONLY)) {
            request.abortWith(ApiError.of(403, "plain HTTP is switched off (setting api.https_only): use https, port 8443"));
        }
    }
}
