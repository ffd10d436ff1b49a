"""Chapter 03, Gaza: the map of the Strip, its towns and crossings, and the route of Turkish aid by
sea to El Arish and on to the Rafah crossing.

>>> from explainer.gaza.map import GAZA_PLACES, gaza_map
>>> "rafah-crossing" in GAZA_PLACES
True
>>> gaza_map().layout.meta["summary"].startswith("A map of the Gaza Strip")
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from explainer import geo
from explainer.style import OKABE_ITO
from explainer.maps import BORDER, COUNTRY_LABEL, LAND, SUBJECT, SUBJECT_LINE, areas_trace, finish, occupied_outline, padded, places_traces, route, sea_labels, start_map, text_labels


GAZA_BOUNDS = (33.6, 30.97, 35.35, 31.8)
GAZA_PLACES = ("gaza-city", "khan-yunis", "rafah", "rafah-crossing", "kerem-shalom-crossing", "el-arish")
GAZA_LABELS = {"gaza-city": "middle right", "khan-yunis": "middle right", "rafah": "top left",
               "el-arish": "top left"}
# The two crossings lie 3 km apart: their labels stand off on leader lines, clear of the road.
GAZA_OFFSETS = {"rafah-crossing": (-0.06, -0.13), "kerem-shalom-crossing": (0.13, -0.06)}
GAZA_SEAS = ((34.08, 31.62, "Mediterranean Sea"),)
GAZA_COUNTRY_LABELS = {"EGY": (33.8, 30.99), "ISR": (34.72, 31.2)}
GAZA_TERRITORY_LABELS = ((35.15, 31.55, "WEST BANK"),)


def gaza_map(*, title: str = "Turkish aid for Gaza was shipped to El Arish and trucked to the Rafah crossing",
             subtitle: str | None = "The Gaza Strip, its towns, the Rafah and Kerem Shalom crossings, and the route of Turkish aid ships",
             places: Sequence[str] = GAZA_PLACES, label_positions: Mapping[str, str] | None = None,
             label_offsets: Mapping[str, tuple[float, float]] | None = None, height: int = 640) -> go.Figure:
    """The Gaza Strip with its towns and crossings, the West Bank's edge, and the route of Turkish
    aid through El Arish."""
    bounds = GAZA_BOUNDS
    detail = geo.load_boundaries("gaza")
    strip = detail[detail["id"] == "PS-GZZ"]
    others = detail[detail["id"] != "PS-GZZ"]
    fig, positions, offsets = start_map(
        bounds, ["EGY", "ISR"], positions=GAZA_COUNTRY_LABELS,
        labels=(GAZA_LABELS, GAZA_OFFSETS), chosen=(label_positions, label_offsets),
    )
    fig.add_trace(areas_trace(geo.clip(others, padded(bounds, 0.3)), name="Neighbouring areas", color=LAND,
                               line_color=BORDER, line_width=1, digits=5,
                               describe=", ".join(sorted(others["name"]))))
    fig.add_trace(areas_trace(strip, name="Gaza Strip", color=SUBJECT, line_color=SUBJECT_LINE, line_width=1, digits=5))
    fig.add_trace(sea_labels(GAZA_SEAS))
    fig.add_trace(text_labels(GAZA_TERRITORY_LABELS, name="Territory names", color=COUNTRY_LABEL))
    fig.add_trace(occupied_outline(geo.clip(detail[detail["status"] != ""], padded(bounds, 0.3))))
    mersin, el_arish, crossing = geo.place("mersin"), geo.place("el-arish"), geo.place("rafah-crossing")
    fig.add_trace(route([(mersin.latitude, mersin.longitude), (el_arish.latitude, el_arish.longitude)],
                         name="Aid ships from Mersin, Turkey", color=OKABE_ITO["orange"], dash="dash",
                         describe="by sea from Mersin, Turkey, to the port of El Arish"))
    fig.add_trace(route([(el_arish.latitude, el_arish.longitude), (crossing.latitude, crossing.longitude)],
                         name="Aid trucks to the Rafah crossing", color=OKABE_ITO["orange"],
                         describe="by road from El Arish to the Rafah crossing"))
    for trace in places_traces(places, positions, offsets):
        fig.add_trace(trace)
    note = geo.policy_note(detail.loc[detail["id"].isin(["PS-GZZ", "PS-WBK"]), "status"], east_jerusalem=True)
    caption = (f"The Gaza Strip in blue, Egypt, Israel and the south-western West Bank in grey. {note} "
               "Routes are drawn straight between their end points; ships sailed from Mersin, off the map to the north.")
    finish(fig, bounds=bounds, title=title, subtitle=subtitle, caption=caption, place_ids=[*places, "mersin"],
            summary="A map of the Gaza Strip, a Palestinian territory occupied by Israel, with Gaza City, Khan Yunis, "
            "Rafah, the Rafah and Kerem Shalom crossings, and the route of Turkish aid by sea from Mersin to El "
            "Arish and by road to the Rafah crossing.",
            source_ids=["icj-2024-opt-advisory-opinion", "trtworld-2024-03-30-aid-ship-el-arish",
                        "dailysabah-2024-04-15-red-crescent-aid-ship"], height=height)
    return fig
