package fr.actionsociale.commons.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where a webhook may go: an absolute https URL whose host resolves only to public addresses, so that a subscription cannot
 * make the service call its own network (SSRF). Checked at subscription and again before each attempt (DNS can change).
 * Plain http and loopback only when {@code localesPermises} (the local and test profiles).
 */
public final class AdresseWebhook {

    private AdresseWebhook() {
    }

    /** @return the reason the URL is refused, in French, or empty when it may be called */
    public static Optional<String> refus(String url, boolean localesPermises) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("doit être une URL absolue https://hôte/chemin");
        }
        String schema = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!schema.equals("https") && !(localesPermises && schema.equals("http"))) {
            return Optional.of("doit commencer par https:// (les livraisons sont signées, pas chiffrées)");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("ne doit pas porter d'identifiants (utilisateur:mot de passe@)");
        }
        if (uri.getFragment() != null) {
            return Optional.of("ne doit pas porter de fragment (#)");
        }
        String hote = uri.getHost();
        if (hote == null || hote.isBlank()) {
            return Optional.of("doit nommer un hôte");
        }
        InetAddress[] adresses;
        try {
            adresses = InetAddress.getAllByName(hote);
        } catch (UnknownHostException e) {
            return Optional.of("hôte introuvable : " + hote);
        }
        for (InetAddress a : adresses) {
            if (a.isLoopbackAddress()) {
                if (!localesPermises) {
                    return Optional.of("ne doit pas désigner une adresse de bouclage (" + a.getHostAddress() + ")");
                }
            } else if (!publique(a)) {
                return Optional.of("doit désigner une adresse publique, pas une adresse privée, locale ou de multidiffusion ("
                        + a.getHostAddress() + ")");
            }
        }
        return Optional.empty();
    }

    static boolean publique(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return false;
        }
        byte[] o = a.getAddress();
        if (a instanceof Inet6Address) {
            // fc00::/7, unique local addresses (isSiteLocalAddress only knows the deprecated fec0::/10)
            return (o[0] & 0xfe) != 0xfc;
        }
        int p = o[0] & 0xff, s = o[1] & 0xff;
        // 100.64.0.0/10 (carrier-grade NAT), 0.0.0.0/8, 192.0.0.0/24, 198.18.0.0/15 (benchmarks), 240.0.0.0/4 (reserved)
        return !((p == 100 && s >= 64 && s <= 127) || p == 0 || (p == 192 && s == 0 && (o[2] & 0xff) == 0)
                || (p == 198 && (s == 18 || s == 19)) || p >= 240);
    }
}
