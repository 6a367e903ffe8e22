package org.perfbridge.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of a 401. WildFly refuses the request before the API sees it and answers an HTML page that says only
 * "Unauthorized"; web.xml sends that error here instead, so a poller's log shows why in the API's JSON shape.
 */
@WebServlet("/errors/unauthenticated")
public class AuthenticationRefusal extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reason = request.getHeader("Authorization") == null
                ? "authentication required: no credentials were sent; send HTTP Basic credentials of a perfbridge user"
                : "authentication failed: the user name or the password is wrong (users are managed with add-user.sh -a)";
        String body = ApiError.of(HttpServletResponse.SC_UNAUTHORIZED, reason).getEntity().toString();
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
