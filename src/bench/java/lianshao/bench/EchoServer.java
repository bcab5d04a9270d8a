package lianshao.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import tools.jackson.databind.JsonNode;

import lianshao.contract.ContractValidator;
import lianshao.support.Json;

/**
 * The physical limit of "Tomcat + JSON" on this machine: the same embedded Tomcat as the service, the
 * same Jackson mapper and the same contract validation, answering the record endpoints with a count —
 * no security filters, no evaluation, no database. Args: PORT.
 */
public final class EchoServer {

    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir") + "/lianshao-echo-" + port);
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        ContractValidator validator = new ContractValidator();
        Tomcat.addServlet(context, "records", new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                JsonNode body = Json.parse(request.getInputStream().readAllBytes());
                int accepted = 0;
                if (body.has("records")) {
                    for (JsonNode envelope : body.get("records")) {
                        if (validator.validateEnvelope(envelope).isEmpty()) {
                            accepted++;
                        }
                    }
                } else if (validator.validateEnvelope(body).isEmpty()) {
                    accepted = 1;
                }
                response.setStatus(request.getRequestURI().endsWith("/batch") ? 200 : 201);
                response.setContentType("application/json");
                response.getOutputStream().write(("{\"accepted\":" + accepted + "}").getBytes(StandardCharsets.UTF_8));
            }
        });
        context.addServletMappingDecoded("/*", "records");
        tomcat.start();
        System.out.println("echo server on 127.0.0.1:" + port);
        tomcat.getServer().await();
    }
}
