package org.perfbridge.it.faults.poison;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Test-only: puts a message no worker can read on the perfdata queue, as a broken producer would. */
@WebServlet("/send")
public class PoisonSender extends HttpServlet {

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/perfdata")
    Queue perfdata;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        jms.createProducer().send(perfdata, "this is not perfdata JSON");
        response.setStatus(204);
    }
}
