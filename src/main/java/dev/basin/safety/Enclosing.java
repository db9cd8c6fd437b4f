package dev.basin.safety;

import dev.basin.geometry.Basin;
import dev.basin.geometry.FisherRao;

/**
 * The smallest ball containing two balls, built along the geodesic between their centres: with d = d(c₁, c₂), if one
 * ball contains the other (d + r_small ≤ r_big) it is the big one; otherwise R = (d + r₁ + r₂)/2 and the centre is the
 * point of the geodesic c₁→c₂ at distance R − r₁ from c₁ (then every point of either ball lies within R of it by the
 * triangle inequality). R is capped at π, the diameter of the simplex.
 */
record Enclosing(Basin center, double radius) {
    static Enclosing of(Basin c1, double r1, Basin c2, double r2) {
        double d = FisherRao.distance(c1, c2);
        if (d + r2 <= r1) {
            return new Enclosing(c1, r1);
        }
        if (d + r1 <= r2) {
            return new Enclosing(c2, r2);
        }
        double big = (d + r1 + r2) / 2.0;
        Basin center = FisherRao.pointAt(c1, c2, Math.min(1.0, Math.max(0.0, (big - r1) / d)));
        return new Enclosing(center, Math.min(Math.PI, big));
    }

    /** Whether two balls overlap: d(c₁, c₂) &lt; r₁ + r₂. */
    static boolean overlap(Basin c1, double r1, Basin c2, double r2) {
        return FisherRao.distance(c1, c2) < r1 + r2;
    }
}
