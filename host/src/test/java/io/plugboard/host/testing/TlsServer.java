package io.plugboard.host.testing;

import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A real HTTPS endpoint on 127.0.0.1 (Jetty) that requires a client certificate its trust store holds: the
 * TLS handshake fails without one. Records the path, the client certificate's subject and the signature of each request.
 */
public final class TlsServer implements AutoCloseable {

    /** One request that passed the handshake, with its {@code webhook-signature} header (null without one). */
    public record Got(String path, String clientSubject, String signature) {}

    private final Server server;
    private final ServerConnector connector;
    private final List<Got> got = new CopyOnWriteArrayList<>();

    /** @param trustedClients the client certificates it accepts */
    public TlsServer(TestCertificates.Made serverCertificate, KeyStore trustedClients) throws Exception {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(serverCertificate.keyStore().toString());
        ssl.setKeyStorePassword(TestCertificates.PASSWORD);
        ssl.setKeyStoreType("PKCS12");
        ssl.setTrustStore(trustedClients);
        ssl.setNeedClientAuth(true);
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                var session = (EndPoint.SslSessionData) request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
                var certs = session == null ? null : session.peerCertificates();
                got.add(new Got(request.getHttpURI().getPath(), certs == null || certs.length == 0 ? null
                        : certs[0].getSubjectX500Principal().getName(), request.getHeaders().get("webhook-signature")));
                Content.Source.consumeAll(request);
                response.setStatus(200);
                Content.Sink.write(response, true, "{\"ok\":true}", callback);
                return true;
            }
        });
        server.start();
    }

    public String url(String path) {
        return "https://127.0.0.1:" + connector.getLocalPort() + path;
    }

    public List<Got> got() {
        return List.copyOf(got);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
