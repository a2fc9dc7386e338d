package io.plugboard.spring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code plugboard.*} properties of {@code application.properties}, each passed to the
 * {@link io.plugboard.host.PlugboardBuilder} method of the same meaning; the keys are those of the
 * builder's own configuration binding. Unset values keep the builder's defaults, except the port.
 */
@ConfigurationProperties(prefix = "plugboard")
public class PlugboardProperties {

    /** Whether to start a host at all. */
    private boolean enabled = true;
    /** The port of Plugboard's own server (admin, API, /health, /metrics); 0 picks a free one. */
    private int port = 8081;
    /** The address Plugboard's server listens on. */
    private String host = "127.0.0.1";
    /** Where Plugboard answers on its server, e.g. /plugboard; empty for the root. */
    private String basePath = "";
    /** The folder of the secrets key and the plugins' private copies (and of plugboard.db without a DataSource). */
    private Path dataDir = Path.of("plugboard-data");
    /** The plugins folder. */
    private Path pluginsDir = Path.of("plugins");
    /** Whether to keep the host's tables in the application's DataSource (if it has one). */
    private boolean useAppDataSource = true;
    /** The PostgreSQL schema of the host's tables in the application's database; unset: the search path. */
    private String schema;
    /** The name shown in the admin's title. */
    private String siteName;
    /** The first admin's user name, created at start if no admin exists. */
    private String adminUser;
    /** The first admin's password. */
    private String adminPassword;
    /** This instance's id among the hosts sharing a database. */
    private String instanceId;
    /** The URL people reach Plugboard at, when it differs from the server's. */
    private String publicUrl;
    /** Whether Plugboard's server is behind a reverse proxy that sets X-Forwarded-*. */
    private boolean behindProxy;
    /** Whether webhooks may target private addresses. */
    private boolean allowPrivateTargets;
    /** Host names or CIDR ranges webhooks may target besides public addresses. */
    private List<String> allowTargets = new ArrayList<>();
    /** Whether to watch the plugins folder for new and changed jars. */
    private Boolean watchPlugins;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public String getBasePath() { return basePath; }
    public void setBasePath(String basePath) { this.basePath = basePath; }
    public Path getDataDir() { return dataDir; }
    public void setDataDir(Path dataDir) { this.dataDir = dataDir; }
    public Path getPluginsDir() { return pluginsDir; }
    public void setPluginsDir(Path pluginsDir) { this.pluginsDir = pluginsDir; }
    public boolean isUseAppDataSource() { return useAppDataSource; }
    public void setUseAppDataSource(boolean useAppDataSource) { this.useAppDataSource = useAppDataSource; }
    public String getSchema() { return schema; }
    public void setSchema(String schema) { this.schema = schema; }
    public String getSiteName() { return siteName; }
    public void setSiteName(String siteName) { this.siteName = siteName; }
    public String getAdminUser() { return adminUser; }
    public void setAdminUser(String adminUser) { this.adminUser = adminUser; }
    public String getAdminPassword() { return adminPassword; }
    public void setAdminPassword(String adminPassword) { this.adminPassword = adminPassword; }
    public String getInstanceId() { return instanceId; }
    public void setInstanceId(String instanceId) { this.instanceId = instanceId; }
    public String getPublicUrl() { return publicUrl; }
    public void setPublicUrl(String publicUrl) { this.publicUrl = publicUrl; }
    public boolean isBehindProxy() { return behindProxy; }
    public void setBehindProxy(boolean behindProxy) { this.behindProxy = behindProxy; }
    public boolean isAllowPrivateTargets() { return allowPrivateTargets; }
    public void setAllowPrivateTargets(boolean allowPrivateTargets) { this.allowPrivateTargets = allowPrivateTargets; }
    public List<String> getAllowTargets() { return allowTargets; }
    public void setAllowTargets(List<String> allowTargets) { this.allowTargets = allowTargets; }
    public Boolean getWatchPlugins() { return watchPlugins; }
    public void setWatchPlugins(Boolean watchPlugins) { this.watchPlugins = watchPlugins; }
}
