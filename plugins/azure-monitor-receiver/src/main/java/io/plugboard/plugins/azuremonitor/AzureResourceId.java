package io.plugboard.plugins.azuremonitor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an Azure Resource Manager id says: {@code /subscriptions/…/resourceGroups/…/providers/
 * Microsoft.Compute/virtualMachines/vm-1} names {@code vm-1} of type {@code Microsoft.Compute/virtualMachines}
 * (the namespace and the type segments, nested types included, e.g. {@code Microsoft.Sql/servers/databases}).
 */
record AzureResourceId(String id, String name, String type) {

    /** The public cloud's portal; sovereign clouds have their own, so links there point at the public one. */
    private static final String PORTAL = "https://portal.azure.com/#resource";

    /** @param id an ARM id as Azure sends it (any case); a blank id has no name */
    static AzureResourceId parse(String id) {
        List<String> segments = new ArrayList<>();
        for (String segment : id.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        String name = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        int providers = lastIndexOfIgnoringCase(segments, "providers");
        if (providers < 0 || providers + 2 >= segments.size()) {
            return new AzureResourceId(id, name, null);
        }
        // After "providers": the namespace, then pairs of type and name; the type is the namespace and the types.
        StringBuilder type = new StringBuilder(segments.get(providers + 1));
        for (int i = providers + 2; i < segments.size(); i += 2) {
            type.append('/').append(segments.get(i));
        }
        return new AzureResourceId(id, name, type.toString());
    }

    /**
     * @return the portal's page for an ARM id ({@code https://portal.azure.com/#resource<id>}), which also
     *     opens an alert instance ({@code Microsoft.AlertsManagement/alerts/<guid>}); null if it is not one
     */
    static String portalLink(String id) {
        if (!id.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")) {
            return null;
        }
        // Each segment encoded, the slashes kept: the portal reads the id as a path.
        StringBuilder path = new StringBuilder();
        for (String segment : id.substring(1).split("/", -1)) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return PORTAL + path;
    }

    private static int lastIndexOfIgnoringCase(List<String> segments, String word) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i).equalsIgnoreCase(word)) {
                return i;
            }
        }
        return -1;
    }
}
