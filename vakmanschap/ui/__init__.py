"""The GUI layer: ipywidgets views over the exercise models, and the figure view.

Nothing outside this folder (and the lecturer dashboard) imports ipywidgets, anywidget or
plotly's widget classes.
"""
